package org.open12345.hotline.returns;

/**
 * Where the return reasons come from: routing's rule files, always the set in force. The returns
 * feature declares it and never needs to know who provides it.
 */
@FunctionalInterface
public interface ReturnReasonCatalog {

  ReturnReasons returnReasons();
}
