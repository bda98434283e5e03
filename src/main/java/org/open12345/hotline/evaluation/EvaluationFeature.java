package org.open12345.hotline.evaluation;

import java.time.Clock;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * Ratings (好差评): the prompt SMS sent when a ticket closes, and the store of ratings that the
 * intake channels (SMS replies, keypad after a call) hand over. No routes and no background work
 * yet; the feature exists so its parts are built here and not by its callers.
 */
public final class EvaluationFeature implements Feature {
  private final RatingService ratings;
  private final RatingPromptService prompts;

  /** Builds the services and asks the ticket feature to call the prompt on every close. */
  public EvaluationFeature(HotlineConfig config, Clock clock, TicketService tickets, Outbox outbox,
      MessageTemplates templates) {
    this.ratings = new RatingService(new RatingRepository(), clock);
    // The key keeps its intake.* name: it was configured there before evaluation had a feature.
    this.prompts = new RatingPromptService(new RatingPromptRepository(), outbox, templates,
        config.duration("intake.rating.reply_window"), clock);
    tickets.addListener(new RatingPromptOnClose(prompts));
  }

  @Override
  public String name() {
    return "evaluation";
  }

  public RatingService ratings() {
    return ratings;
  }

  public RatingPromptService prompts() {
    return prompts;
  }
}
