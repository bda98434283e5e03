package org.open12345.hotline.console;

import java.util.List;
import java.util.function.Supplier;
import org.open12345.hotline.deadline.CalendarYears;
import org.open12345.hotline.identity.Accounts;
import org.open12345.hotline.identity.ApiTokens;

/**
 * What the administrator's pages act through: the identity feature's accounts and tokens (which
 * write the security log, as the command line does) and the deadline feature's calendar years.
 * The rule set comes from the console's own {@code RuleSetHolder}.
 */
public record AdminServices(Accounts accounts, ApiTokens tokens, Supplier<List<CalendarYears.Year>> calendarYears,
    Supplier<List<String>> calendarRefusal) {}
