package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for ticket_merges (并案 links) and the ticket locks a merge takes. */
final class TicketMergeRepository {

  /** Both tickets of a merge, locked in id order so two merges over the same pair cannot deadlock. */
  private static final String LOCK_BY_NUMBERS = "SELECT " + Ticket.COLUMNS + " FROM tickets\n" + """
      WHERE number = ANY($1) ORDER BY id FOR UPDATE""";

  private static final String LINK = """
      INSERT INTO ticket_merges (ticket_id, master_id, merged_from, merged_at, merged_by)
      VALUES ($1, $2, $3, $4, $5)""";

  private static final String UNLINK = """
      DELETE FROM ticket_merges m USING tickets t
      WHERE m.ticket_id = $1 AND t.id = m.master_id
      RETURNING m.master_id, t.number, t.status, m.merged_from""";

  private static final String MASTER_OF = """
      SELECT t.number FROM ticket_merges m JOIN tickets t ON t.id = m.master_id WHERE m.ticket_id = $1""";

  private static final String MERGED_NUMBERS = """
      SELECT t.number FROM ticket_merges m JOIN tickets t ON t.id = m.ticket_id
      WHERE m.master_id = $1 ORDER BY m.ticket_id""";

  private static final String HAS_MERGED = """
      SELECT EXISTS (SELECT 1 FROM ticket_merges WHERE master_id = $1)""";

  private static final String LOCK_MERGED = "SELECT " + Ticket.COLUMNS.replaceAll("(^|, )", "$1t.")
      + " FROM tickets t JOIN ticket_merges m ON m.ticket_id = t.id\n" + """
      WHERE m.master_id = $1 ORDER BY t.id FOR UPDATE OF t""";

  /** A removed merge: the master it was into and the state the merge took the ticket from. */
  record Unlinked(long masterId, String masterNumber, TicketStatus masterStatus, TicketStatus mergedFrom) {}

  Future<Map<String, Ticket>> lockByNumbers(SqlClient tx, String... numbers) {
    return tx.preparedQuery(LOCK_BY_NUMBERS).execute(Tuple.of((Object) numbers)).map(rows -> {
      Map<String, Ticket> out = new HashMap<>();
      rows.forEach(r -> {
        Ticket t = Ticket.from(r);
        out.put(t.number(), t);
      });
      return out;
    });
  }

  Future<Void> link(SqlClient tx, long ticketId, long masterId, TicketStatus mergedFrom, Instant at, String by) {
    return tx.preparedQuery(LINK)
        .execute(Tuple.of(ticketId, masterId, mergedFrom.name(), at.atOffset(ZoneOffset.UTC), by))
        .mapEmpty();
  }

  Future<Optional<Unlinked>> unlink(SqlClient tx, long ticketId) {
    return tx.preparedQuery(UNLINK).execute(Tuple.of(ticketId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new Unlinked(r.getLong(0), r.getString(1), TicketStatus.valueOf(r.getString(2)),
          TicketStatus.valueOf(r.getString(3))));
    });
  }

  Future<Optional<String>> masterOf(SqlClient db, long ticketId) {
    return db.preparedQuery(MASTER_OF).execute(Tuple.of(ticketId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  Future<List<String>> mergedNumbers(SqlClient db, long masterId) {
    return db.preparedQuery(MERGED_NUMBERS).execute(Tuple.of(masterId)).map(rows -> {
      List<String> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }

  Future<Boolean> hasMerged(SqlClient db, long masterId) {
    return db.preparedQuery(HAS_MERGED).execute(Tuple.of(masterId)).map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** The tickets merged into {@code masterId}, locked until the transaction ends, in id order. */
  Future<List<Ticket>> lockMerged(SqlClient tx, long masterId) {
    return tx.preparedQuery(LOCK_MERGED).execute(Tuple.of(masterId)).map(TicketMergeRepository::all);
  }

  private static List<Ticket> all(RowSet<Row> rows) {
    List<Ticket> out = new ArrayList<>();
    rows.forEach(r -> out.add(Ticket.from(r)));
    return out;
  }
}
