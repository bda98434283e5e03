package org.open12345.hotline.config;

import static org.open12345.hotline.config.ValueChecks.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key the server reads. config/hotline.yaml documents the same keys; a key in a file that
 * is not listed here is a mistake (usually a typo) and stops the start.
 */
public final class ConfigSchema {
  private ConfigSchema() {}

  private static final List<ConfigKey> KEYS =
      List.of(
          new ConfigKey("http.host", "0.0.0.0", any(), false, "address the HTTP server binds"),
          new ConfigKey("http.port", "8080", integer(0, 65535), false, "HTTP port (0 = any free port)"),
          new ConfigKey("http.event_loops", "0", integer(0, 1024), false,
              "HTTP verticle instances, one per event loop; 0 = one per available processor"),
          new ConfigKey("http.body_limit_bytes", "262144", integer(1024, 64L << 20), false,
              "largest request body accepted; larger bodies get 413"),
          new ConfigKey("http.shutdown_grace", "10s", duration(), false,
              "on SIGTERM, how long in-flight requests may take to finish"),
          new ConfigKey("http.public_base_url", "http://localhost:8080", any(), false,
              "base URL used in links inside mails and SMS"),
          new ConfigKey("http.trusted_proxies", "", any(), false,
              "comma-separated IPs/CIDRs of the centre's reverse proxies; X-Forwarded-For and X-Real-IP are "
                  + "believed only from these (empty = never)"),
          new ConfigKey("db.url", "", postgresUrlOrEmpty(), true,
              "external PostgreSQL, postgresql://user:pass@host:port/db; empty = embedded PostgreSQL"),
          new ConfigKey("db.pool_size", "16", integer(1, 500), false, "connections in the pool"),
          new ConfigKey("db.idle_in_transaction_timeout", "20s", duration(), false,
              "PostgreSQL ends a pool session idle inside a transaction this long (a frozen instance's "
                  + "locks); 0s = PostgreSQL's own setting"),
          new ConfigKey("db.tcp_user_timeout", "20s", duration(), false,
              "a database connection whose packets or keepalive probes go unacknowledged this long is ended "
                  + "(TCP_USER_TIMEOUT: a database host gone without a FIN, as in a failover); 0s = the kernel's "
                  + "retransmissions, about 15 min"),
          new ConfigKey("db.embedded.dir", "data", any(), false,
              "folder of the embedded PostgreSQL (binaries and data), kept across restarts"),
          new ConfigKey("db.embedded.port", "54329", integer(1, 65535), false, "port of the embedded PostgreSQL"),
          new ConfigKey("db.embedded.run_as", "nobody", any(), false,
              "unprivileged account that runs the embedded PostgreSQL when the server runs as root"),
          new ConfigKey("timezone", "Asia/Shanghai", zone(), false,
              "the centre's local time zone (ticket numbers, quiet hours, working days)"),
          new ConfigKey("routing.dir", "routing-rules", any(), false, "folder of the routing rule files"),
          new ConfigKey("routing.reload_interval", "1s", duration(), false,
              "how often the rule files and the holiday calendar are checked for changes (a change applies after"
                  + " two equal looks)"),
          new ConfigKey("routing.model_refresh", "60s", duration(), false,
              "how often each instance looks for a newer free-text model in the database"),
          new ConfigKey("routing.model_retrain", "24h", duration(), false,
              "how often the free-text model is retrained on the centre's history (0s: only on demand)"),
          new ConfigKey("routing.model_max_examples", "1000000", integer(20, 10000000), false,
              "the newest labelled tickets a training reads (memory grows with their vocabulary, not their number)"),
          new ConfigKey("routing.model_training_cpu_percent", "25", integer(1, 100), false,
              "the share of one core a training may use while it reads and counts the history (it pauses between"
                  + " pages to keep to it), so intake keeps the rest of the machine"),
          new ConfigKey("routing.model_training_page", "2000", integer(1, 100000), false,
              "labelled tickets a training reads and counts per step"),
          new ConfigKey("outbox.relay_enabled", "true", bool(), false,
              "deliver outbox messages from this instance (any number of instances may)"),
          new ConfigKey("outbox.batch_size", "50", integer(1, 1000), false, "messages claimed per round"),
          new ConfigKey("outbox.claim_lease", "60s", duration(), false,
              "how long a claimed message is reserved; a relay that dies releases it after this"),
          new ConfigKey("outbox.poll_interval", "5s", duration(), false,
              "safety-net poll; fresh messages are sent at once through LISTEN/NOTIFY"),
          new ConfigKey("deadline.end_of_day", "24:00", any(), false,
              "when a working-day deadline ends on its last day: 24:00 (Civil Code art. 203) or e.g. 18:00"),
          new ConfigKey("escalation.scheduler_enabled", "true", bool(), false,
              "fire due ladder steps from this instance (any number of instances may)"),
          new ConfigKey("escalation.poll_interval", "1s", duration(), false,
              "the longest the scheduler waits before looking again; steps fire at their due time (timer + NOTIFY)"),
          new ConfigKey("escalation.batch_size", "100", integer(1, 10000), false,
              "steps claimed and fired per transaction; a backlog is drained in rounds of this size"),
          new ConfigKey("escalation.robot_channel", "wecom", oneOf("", "wecom", "dingtalk", "webhook"), false,
              "outbox channel of the supervisors' group robot for 督办/通报 alerts; empty = no robot alerts"),
          new ConfigKey("escalation.robot_name", "supervisors", any(), false,
              "the supervisors' robot's name in that channel's messaging config"),
          new ConfigKey("escalation.supervisors_mail", "", any(), false,
              "comma-separated mailboxes of the centre's supervisors (通报 copies)"),
          new ConfigKey("follow_up.max_tries", "3", integer(1, 20), false,
              "calls nobody answers before a follow-up (回访) ends as unreachable and the ticket closes"),
          new ConfigKey("follow_up.sms_reply_window", "48h", duration(), false,
              "how long the citizen's SMS answer to the follow-up question counts"),
          new ConfigKey("identity.session.idle_timeout", "30m", duration(), false,
              "a browser session ends after this long without a request"),
          new ConfigKey("identity.session.absolute_timeout", "12h", duration(), false,
              "a browser session ends this long after its login, however busy"),
          new ConfigKey("identity.login.max_failures", "5", integer(1, 1000), false,
              "failed logins per account and per client address allowed within the failure window; "
                  + "further attempts wait (429)"),
          new ConfigKey("identity.login.failure_window", "15m", duration(), false,
              "the window in which failed logins are counted"),
          new ConfigKey("intake.sms.aliyun.secret", "", any(), true,
              "shared secret Aliyun SmsUp must present (header X-Hotline-Webhook-Secret or ?secret=)"),
          new ConfigKey("intake.sms.aliyun.allow_ips", "", any(), false,
              "comma-separated IPs/CIDRs allowed to post Aliyun SmsUp; empty = any"),
          new ConfigKey("intake.sms.tencent.secret", "", any(), true, "shared secret for the Tencent reply callback"),
          new ConfigKey("intake.sms.tencent.allow_ips", "", any(), false,
              "comma-separated IPs/CIDRs allowed to post Tencent replies; empty = any"),
          new ConfigKey("intake.sms.twilio.auth_token", "", any(), true,
              "Twilio auth token that signs X-Twilio-Signature; empty = Twilio webhook refused"),
          new ConfigKey("intake.sms.generic.secret", "", any(), true,
              "Standard Webhooks secret (whsec_...) of the generic SMS gateway; empty = refused"),
          new ConfigKey("intake.voice.generic.secret", "", any(), true, "shared secret of the generic CTI push"),
          new ConfigKey("intake.voice.generic.allow_ips", "", any(), false, "IPs/CIDRs allowed for generic CTI"),
          new ConfigKey("intake.voice.aliyun.secret", "", any(), true, "shared secret of Aliyun VoiceReport push"),
          new ConfigKey("intake.voice.aliyun.allow_ips", "", any(), false, "IPs/CIDRs allowed for Aliyun voice"),
          new ConfigKey("intake.voice.huawei.secret", "", any(), true, "shared secret of Huawei CEC callbacks"),
          new ConfigKey("intake.voice.huawei.allow_ips", "", any(), false, "IPs/CIDRs allowed for Huawei voice"),
          new ConfigKey("intake.voice.own_numbers", "12345", any(), false,
              "comma-separated numbers of the centre (tells call direction in Aliyun reports)"),
          new ConfigKey("intake.rating.reply_window", "168h", duration(), false,
              "an SMS reply within this time after a rating prompt is a rating; later ones are kept as late"),
          new ConfigKey("evaluation.callback_within", "48h", span(), false,
              "a 差评's callback (回访核实) is due this long after the rating (seed article 34: 48h)"),
          new ConfigKey("evaluation.fix_within", "15d", span(), false,
              "a founded 差评's fix (整改), or the explanation of one without basis, is due this long after the rating"),
          new ConfigKey("evaluation.callback_attempts", "3", integer(1, 20), false,
              "calls before a citizen who cannot be reached may be recorded as unreachable"),
          new ConfigKey("evaluation.appeal_window", "5wd", span(), false,
              "a department may appeal (申诉复核) a 差评 this long after the rating; wd = working days"),
          new ConfigKey("intake.web.submissions_per_ip_per_hour", "20", integer(0, 1_000_000), false,
              "web complaints one IP may submit per hour (0 = no limit)"),
          new ConfigKey("intake.web.submissions_per_phone_per_day", "10", integer(0, 1_000_000), false,
              "web complaints one phone may submit per day (0 = no limit)"),
          new ConfigKey("intake.web.lookups_per_ip_per_hour", "120", integer(0, 1_000_000), false,
              "complaint status lookups one IP may make per hour (0 = no limit); slows code guessing"),
          new ConfigKey("intake.web.max_description_chars", "2000", integer(10, 4000), false,
              "longest web complaint description accepted"),
          new ConfigKey("intake.web.max_urls", "2", integer(0, 100), false,
              "a web complaint with more links than this is refused as spam"),
          new ConfigKey("intake.batch.enabled", "true", bool(), false,
              "group commit: tickets created by concurrent requests share one transaction (false = each alone)"),
          new ConfigKey("intake.batch.max_items", "64", integer(1, 1000), false,
              "most ticket-creating requests per shared transaction (1 = each alone)"),
          new ConfigKey("intake.batch.max_wait", "2ms", duration(), false,
              "longest a request waits for others while a batch of its event loop is being written"),
          new ConfigKey("intake.batch.max_in_flight", "0", integer(0, 1000), false,
              "batches of one event loop written at the same time; more requests wait for one to end (0 = no limit)"),
          new ConfigKey("intake.keys.keep", "168h", positiveDuration(), false,
              "an Idempotency-Key (portal, Open311, the form's token) answers its first ticket at least this long"),
          new ConfigKey("intake.keys.prune_every", "1h", positiveDuration(), false,
              "how often keys older than intake.keys.keep are deleted"),
          new ConfigKey("intake.rejects.keep", "720h", positiveDuration(), false,
              "payloads that could not be read (GET /api/inbound/rejects) are kept this long, raw, for diagnosis"),
          new ConfigKey("intake.rejects.prune_every", "1h", positiveDuration(), false,
              "how often rejects older than intake.rejects.keep are deleted"),
          new ConfigKey("intake.open311.api_keys", "", any(), true,
              "comma-separated API keys allowed to POST Open311 requests; empty = POST refused"));

  public static List<ConfigKey> keys() {
    return KEYS;
  }

  static Map<String, ConfigKey> byName() {
    Map<String, ConfigKey> m = new LinkedHashMap<>();
    KEYS.forEach(k -> m.put(k.name(), k));
    return m;
  }
}
