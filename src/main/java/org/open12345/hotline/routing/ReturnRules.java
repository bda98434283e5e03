package org.open12345.hotline.routing;

import org.open12345.hotline.deadline.DeadlineTerm;
import org.open12345.hotline.deadline.PolicyCatalog;
import org.open12345.hotline.returns.ReturnReasons;

/**
 * The {@code returns} section of policies.yaml: the reasons a department may give for a return
 * (退单) and how long the centre has to rule on one. A rules folder without the section gets the
 * shipped defaults.
 */
record ReturnRules(ReturnReasons reasons, DeadlineTerm ruling) {

  static final ReturnRules DEFAULT = new ReturnRules(ReturnReasons.DEFAULT, PolicyCatalog.DEFAULT_RULING);
}
