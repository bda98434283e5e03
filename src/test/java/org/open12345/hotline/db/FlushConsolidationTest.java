package org.open12345.hotline.db;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.testing.Await.resultOf;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.TestDatabase;

/** The pool's connections write the statements sent while reading answers in one flush. */
class FlushConsolidationTest {
  static Vertx vertx;
  static Pool pool;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(ValuePlans.caching(PgConnectOptions.fromUri(TestDatabase.freshDatabase().uri())))
        .withConnectHandler(PoolConnectionSetup.handler(java.time.Duration.ZERO))
        .using(vertx).build();
  }

  @AfterAll
  static void stop() {
    resultOf(pool.close());
    resultOf(vertx.close());
  }

  /** Counts the flushes that reach the socket (it sits nearest to it, past the consolidation). */
  static final class Flushes extends ChannelOutboundHandlerAdapter {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public void flush(ChannelHandlerContext ctx) {
      count.incrementAndGet();
      ctx.flush();
    }
  }

  @Test
  void statementsSentFromAnAnswerGoOutInOneWrite() {
    SqlConnection conn = resultOf(pool.getConnection());
    try {
      ChannelPipeline pipeline = PooledSocket.pipelineOf(conn);
      assertNotNull(pipeline, "the pooled connection's socket is reachable");
      assertNotNull(pipeline.get(FlushConsolidation.NAME), "installed when the pool connected");
      Flushes flushes = new Flushes();
      pipeline.addFirst("test-flush-counter", flushes);
      tenFromAnAnswer(conn, pipeline, flushes); // prepares the statement once (the cache keeps it)
      int consolidated = tenFromAnAnswer(conn, pipeline, flushes);
      pipeline.remove(FlushConsolidation.NAME);
      int alone = tenFromAnAnswer(conn, pipeline, flushes);
      assertTrue(consolidated <= 2, "ten statements sent within one read: " + consolidated + " flushes");
      assertTrue(alone >= 10, "without the handler each statement is flushed: " + alone + " flushes");
      pipeline.remove("test-flush-counter");
      assertTrue(FlushConsolidation.install(conn), "installs again");
    } finally {
      resultOf(conn.close());
    }
  }

  /**
   * Ten statements sent from inside the answer to a first one; the flushes that reached the socket.
   * The first is sent from the socket's own event loop, so its answer cannot arrive before the
   * callback is attached: sent from the test's thread, a quick answer could, and the callback then
   * ran on the test's thread, outside any read, a flush per statement (a flaky failure, once).
   */
  static int tenFromAnAnswer(SqlConnection conn, ChannelPipeline pipeline, Flushes flushes) {
    AtomicInteger before = new AtomicInteger();
    Promise<List<Integer>> done = Promise.promise();
    pipeline.channel().eventLoop().execute(() -> conn.preparedQuery("SELECT 1").execute().compose(first -> {
      before.set(flushes.count.get());
      List<Future<Integer>> next = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        next.add(conn.preparedQuery("SELECT $1::int * 2").execute(Tuple.of(i))
            .map(rows -> rows.iterator().next().getInteger(0)));
      }
      return Future.all(next).map(all -> all.<Integer>list());
    }).onComplete(done));
    List<Integer> answers = resultOf(done.future());
    assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18), answers, "every statement answered, in order");
    return flushes.count.get() - before.get();
  }

  @Test
  void aStatementOutsideAReadIsSentAtOnce() {
    SqlConnection conn = resultOf(pool.getConnection());
    try {
      // Nothing holds a lone statement back: it is answered (a held flush would never be).
      assertEquals(7, resultOf(conn.preparedQuery("SELECT 7").execute()).iterator().next().getInteger(0));
    } finally {
      resultOf(conn.close());
    }
  }
}
