package org.open12345.hotline.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.TestServer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class OpenApiDocumentTest {

  /** Every documented path answers something other than "no route" (the document does not lie). */
  @Test
  void theServedDocumentParsesAndEveryPathInItExists() {
    try (TestServer s = TestServer.start()) {
      var r = s.get("/api/openapi.yaml");
      assertEquals(200, r.status());
      assertTrue(r.header("Content-Type").startsWith("application/yaml"));
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(r.body());
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
      assertTrue(paths.size() >= 30, "paths documented: " + paths.keySet());
      Pattern param = Pattern.compile("\\{[^}]+}");
      for (var e : paths.entrySet()) {
        Matcher m = param.matcher(e.getKey());
        String concrete = m.replaceAll(x -> x.group().equals("{decision}") ? "approve"
            : x.group().equals("{action}") ? "sign" : x.group().equals("{provider}") ? "generic" : "1");
        for (String method : e.getValue().keySet()) {
          TestServer.Response got = method.equals("get") ? s.get(concrete) : s.post(concrete, "{}");
          boolean noRoute = got.status() == 404 && got.body().contains("\"no route ");
          assertFalse(noRoute, method.toUpperCase() + " " + e.getKey() + " is documented but not served");
        }
      }
    }
  }
}
