package org.open12345.hotline.intake.sms;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.open12345.hotline.db.BatchValues;
import org.open12345.hotline.db.ClaimsAtEnd;
import org.open12345.hotline.db.DeferredRows;
import org.open12345.hotline.db.ValuePlans;

/**
 * SQL of inbound_messages: every citizen SMS, claimed once by its provider id, and what it became.
 * A claim made first is written at once, and its outcome waits for the batch's end and goes with
 * the other messages' in one statement ({@link DeferredRows}). A message that becomes a ticket in
 * a group-commit batch may instead be claimed at the batch's end ({@link ClaimsAtEnd}), its row
 * written once, with its outcome. Nothing in the intake transaction reads an outcome back; the
 * statements here that read or update a stored message flush first.
 */
public final class InboundMessageRepository {
  private static final String CLAIM = """
      INSERT INTO inbound_messages (provider, provider_message_id, phone, destination, text_body, raw,
                                    received_at, arrived_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (provider, provider_message_id) DO NOTHING
      RETURNING id""";
  /** Ids of messages claimed at a batch's end, drawn for the batch at once ({@link BatchValues}). */
  private static final String NEXT_IDS = "SELECT nextval('inbound_messages_id_seq') FROM generate_series(1, $1)";
  /**
   * Messages claimed at the batch's end that became tickets: claim and outcome in one row. No ON
   * CONFLICT: a taken key must fail the batch, which then runs again with its claims made first.
   * A unit writes it after its ticket, so the batch's tickets go first.
   */
  private static final String CLAIMED_AS_TICKET = """
      INSERT INTO inbound_messages (id, provider, provider_message_id, phone, destination, text_body, raw,
                                    received_at, arrived_at, outcome, detail, ticket_id)
      SELECT u.id, u.provider, u.provider_message_id, u.phone, u.destination, u.text_body, u.raw,
             u.received_at, u.arrived_at, 'ticket', u.detail, u.ticket_id
      FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                  $8::timestamptz[], $9::timestamptz[], $10::text[], $11::bigint[])
           AS u(id, provider, provider_message_id, phone, destination, text_body, raw, received_at, arrived_at,
                detail, ticket_id)""";
  /**
   * Any other outcome: the ticket it names (the prompt's or the question's) is older than the
   * batch; rating_prompt_id and rating_id have no foreign key.
   */
  // Both UPDATEs join the batch's rows to a growing table: a generic plan made while the table was
  // small keeps a sequential scan as it grows (12,810 scans reading 270 M rows in one bench run), so
  // they are planned for their values at each call (ValuePlans); it is once per batch.
  private static final String MARK = ValuePlans.perCall("""
      UPDATE inbound_messages m
      SET outcome = u.outcome, detail = u.detail, ticket_id = u.ticket_id, rating_prompt_id = u.prompt_id,
          rating_id = u.rating_id
      FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])
           AS u(id, outcome, detail, ticket_id, prompt_id, rating_id)
      WHERE m.id = u.id""");
  /**
   * A message that became a new ticket. A statement of its own, because the ticket may be a
   * deferred row of the same batch: the batch's rows go in the order their statements were first
   * used, and a unit uses this one only after its ticket's, so the tickets always go first and the
   * reference holds whether or not the batch defers its check. With MARK, a rating reply earlier in
   * the batch would send the outcomes first. It also leaves the prompt and rating columns alone.
   */
  private static final String MARK_TICKET = ValuePlans.perCall("""
      UPDATE inbound_messages m
      SET outcome = 'ticket', detail = u.detail, ticket_id = u.ticket_id
      FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS u(id, detail, ticket_id)
      WHERE m.id = u.id""");
  private static final String COLUMNS = """
      id, provider, provider_message_id, phone, destination, text_body, received_at, arrived_at, outcome,
      detail, ticket_id, rating_prompt_id, rating_id, settled_at, settled_by, settle_note""";
  private static final String LIST = """
      SELECT %s
      FROM inbound_messages
      WHERE ($1::text IS NULL OR outcome = $1) AND ($2::text IS NULL OR phone = $2)
      ORDER BY arrived_at DESC, id DESC
      LIMIT $3""".formatted(COLUMNS);
  private static final String LOCK = "SELECT " + COLUMNS + " FROM inbound_messages WHERE id = $1 FOR UPDATE";
  private static final String SETTLE = """
      UPDATE inbound_messages SET outcome = $2, detail = $3, ticket_id = $4, rating_id = $5, settled_at = $6,
             settled_by = $7, settle_note = $8
      WHERE id = $1
      RETURNING %s""".formatted(COLUMNS);

  /**
   * The claim: the new row's id, or null when this provider message was already stored. It needs
   * no flush: waiting outcomes change no claimed key.
   */
  public Future<Long> claim(SqlClient tx, InboundSms sms, Instant arrivedAt) {
    return tx.preparedQuery(CLAIM)
        .execute(Tuple.from(new Object[] {sms.provider(), sms.providerMessageId(), sms.phone(), sms.destination(),
            sms.text(), sms.raw(), sms.receivedAt().atOffset(ZoneOffset.UTC), arrivedAt.atOffset(ZoneOffset.UTC)}))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
  }

  /** The id of a message to be claimed at the batch's end ({@link #claimedAsTicket}). */
  public Future<Long> nextId(SqlClient tx) {
    return BatchValues.next(tx, NEXT_IDS).map(row -> row.getLong(0));
  }

  /**
   * The claim of a message that became the new ticket {@code ticketId}, written with its outcome
   * at the end of the batch; {@code id} from {@link #nextId}.
   */
  public Future<Void> claimedAsTicket(SqlClient tx, long id, InboundSms sms, Instant arrivedAt, long ticketId,
      String number) {
    return DeferredRows.write(tx, CLAIMED_AS_TICKET, new Long[] {id}, new String[] {sms.provider()},
        new String[] {sms.providerMessageId()}, new String[] {sms.phone()}, new String[] {sms.destination()},
        new String[] {sms.text()}, new String[] {sms.raw()},
        new OffsetDateTime[] {sms.receivedAt().atOffset(ZoneOffset.UTC)},
        new OffsetDateTime[] {arrivedAt.atOffset(ZoneOffset.UTC)}, new String[] {number}, new Long[] {ticketId});
  }

  /** Records that the message became the new ticket {@code ticketId} (now, or at the batch's end). */
  public Future<Void> markTicket(SqlClient tx, long id, long ticketId, String number) {
    return DeferredRows.write(tx, MARK_TICKET, new Long[] {id}, new String[] {number}, new Long[] {ticketId});
  }

  /**
   * Records what the message became (now, or at the end of the group-commit batch); for a new
   * ticket, {@link #markTicket}.
   */
  public Future<Void> mark(SqlClient tx, long id, InboundSmsHandler.Outcome outcome, String detail, Long ticketId,
      Long promptId, Long ratingId) {
    return DeferredRows.write(tx, MARK, new Long[] {id}, new String[] {outcome.name().toLowerCase(Locale.ROOT)},
        new String[] {detail}, new Long[] {ticketId}, new Long[] {promptId}, new Long[] {ratingId});
  }

  /** Newest first; a null outcome or phone matches any. */
  public Future<List<InboundMessage>> list(SqlClient db, String outcome, String phone, int limit) {
    return DeferredRows.flushed(db).compose(v -> db.preparedQuery(LIST).execute(Tuple.of(outcome, phone, limit)))
        .map(rows -> {
          List<InboundMessage> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(message(r));
          }
          return out;
        });
  }

  /** The message, locked until the transaction ends. */
  public Future<Optional<InboundMessage>> lock(SqlClient tx, long id) {
    return DeferredRows.flushed(tx).compose(v -> tx.preparedQuery(LOCK).execute(Tuple.of(id)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(message(rows.iterator().next())));
  }

  /**
   * A person's decision about an unparsed reply: its new outcome ({@code settled},
   * {@code dismissed} or {@code ticket}), who decided, when and why.
   */
  public Future<InboundMessage> settle(SqlClient tx, long id, String outcome, String detail, Long ticketId,
      Long ratingId, Instant at, String by, String note) {
    return DeferredRows.flushed(tx).compose(v -> tx.preparedQuery(SETTLE)
        .execute(Tuple.from(new Object[] {id, outcome, detail, ticketId, ratingId, at.atOffset(ZoneOffset.UTC), by,
            note})))
        .map(rows -> message(rows.iterator().next()));
  }

  private static InboundMessage message(Row r) {
    OffsetDateTime settled = r.getOffsetDateTime(13);
    return new InboundMessage(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        r.getString(5), r.getOffsetDateTime(6).toInstant(), r.getOffsetDateTime(7).toInstant(),
        r.getString(8), r.getString(9), r.getLong(10), null, r.getLong(11), r.getLong(12),
        settled == null ? null : settled.toInstant(), r.getString(14), r.getString(15));
  }
}
