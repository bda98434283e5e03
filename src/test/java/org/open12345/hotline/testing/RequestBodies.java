package org.open12345.hotline.testing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** The body of a built request, read back from its publisher (the JDK keeps no copy of the text). */
final class RequestBodies {
  private RequestBodies() {}

  /** The body as text; null when there is none. */
  static String text(HttpRequest request) {
    var publisher = request.bodyPublisher();
    if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompletableFuture<String> done = new CompletableFuture<>();
    publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer item) {
        byte[] b = new byte[item.remaining()];
        item.get(b);
        bytes.write(b, 0, b.length);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        done.complete(bytes.toString(StandardCharsets.UTF_8));
      }
    });
    try {
      return done.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not read the request body back", e);
    }
  }
}
