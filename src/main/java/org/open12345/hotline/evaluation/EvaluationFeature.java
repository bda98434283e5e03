package org.open12345.hotline.evaluation;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.function.Supplier;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.deadline.CaseDeadlineView;
import org.open12345.hotline.deadline.CaseDeadlinesChanged;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * Ratings (好差评): the rating rounds and their prompt SMS, the store of ratings the channels hand
 * over (SMS replies, keypad after a call, the citizen's web page, replies people settle), the
 * 差评 follow-up cases with their callback and fix deadlines on the escalation ladder, appeals,
 * and 退订. Other features plug in through {@link #withLadder} (who plans the case deadlines'
 * steps: escalation) and {@link #withCallbackDuty} (which departments make their own callbacks:
 * the rule files); {@link #cases()} is the deadline view's source of case deadlines.
 */
public final class EvaluationFeature implements Feature {
  private final RatingService ratings;
  private final RatingPromptService prompts;
  private final RatingCases cases;
  private final RatingAppeals appeals;
  private final RatingOptOuts optOuts;
  private final java.time.ZoneId zone;

  /** Builds the services and asks the ticket feature to open a rating round on every close. */
  public EvaluationFeature(HotlineConfig config, Clock clock, Pool pool, TicketService tickets, Outbox outbox,
      MessageTemplates templates, Supplier<DeadlineCalculator> calculator) {
    this.zone = config.zone();
    RatingRepository ratingRepository = new RatingRepository();
    RatingPromptRepository promptRepository = new RatingPromptRepository();
    RatingCaseRepository caseRepository = new RatingCaseRepository();
    RatingOptOutRepository optOutRepository = new RatingOptOutRepository();
    // The key keeps its intake.* name: it was configured there before evaluation had a feature.
    this.prompts = new RatingPromptService(promptRepository, optOutRepository, outbox, templates,
        config.duration("intake.rating.reply_window"), clock);
    this.optOuts = new RatingOptOuts(pool, optOutRepository, clock);
    this.cases = new RatingCases(pool, caseRepository, ratingRepository, tickets, prompts,
        new RatingCaseClock(calculator, span(config, "evaluation.callback_within"),
            span(config, "evaluation.fix_within")),
        config.integer("evaluation.callback_attempts"), clock);
    this.ratings = new RatingService(pool, ratingRepository, promptRepository, caseRepository, cases, optOuts, tickets,
        clock);
    this.appeals = new RatingAppeals(pool, ratingRepository, new RatingAppealRepository(), cases,
        new RatingAppealRules(calculator, span(config, "evaluation.appeal_window")), tickets, clock);
    tickets.addListener(new RatingPromptOnClose(prompts));
  }

  private static TimeSpan span(HotlineConfig config, String key) {
    try {
      return TimeSpan.parse(config.string(key));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + ": " + e.getMessage());
    }
  }

  @Override
  public String name() {
    return "evaluation";
  }

  /** Who plans the ladder steps of the cases' callback and fix deadlines (call before start). */
  public EvaluationFeature withLadder(CaseDeadlinesChanged ladder) {
    cases.ladder(ladder);
    return this;
  }

  /** Which departments make the callbacks of their own 差评 (the rule files). */
  public EvaluationFeature withCallbackDuty(CallbackDuty duty) {
    cases.callbackDuty(duty);
    return this;
  }

  /** The cases' deadlines, for the ticket's deadline view. */
  public CaseDeadlineView cases() {
    return cases;
  }

  public RatingService ratings() {
    return ratings;
  }

  /** The 差评 cases' service (callback, fix, explanation, close), for the console's forms. */
  public RatingCases caseService() {
    return cases;
  }

  /** Appeals (申诉复核) and their decisions, for the console's forms. */
  public RatingAppeals appeals() {
    return appeals;
  }

  public RatingPromptService prompts() {
    return prompts;
  }

  public RatingOptOuts optOuts() {
    return optOuts;
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new RatingRoutes(ratings, appeals, zone).mount(api);
    new RatingCaseRoutes(cases).mount(api);
    new RatingOptOutRoutes(optOuts).mount(api);
  }
}
