package dev.umzug.it.restore;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * An assertion on the order of a test cluster's write requests: {@code appliedInOrder(a, b, c)}
 * holds when the last request whose path contains {@code a} came before the first that contains
 * {@code b}, and so on, so that every object of one kind was written before any of the next.
 */
final class WriteOrder extends AbstractAssert<WriteOrder, List<String>> {

  private WriteOrder(List<String> writes) {
    super(writes, WriteOrder.class);
  }

  static WriteOrder assertThat(List<String> writes) {
    return new WriteOrder(writes);
  }

  WriteOrder appliedInOrder(String... fragments) {
    isNotNull();
    for (int i = 0; i + 1 < fragments.length; i++) {
      int lastBefore = last(fragments[i]);
      int firstAfter = first(fragments[i + 1]);
      if (lastBefore < 0 || firstAfter < 0) {
        failWithMessage("expected writes matching <%s> and <%s>, got %s", fragments[i], fragments[i + 1], actual);
      }
      if (lastBefore > firstAfter) {
        failWithMessage("expected every write of <%s> before any of <%s>, but write %d (%s) came after write %d (%s)",
            fragments[i], fragments[i + 1], lastBefore, actual.get(lastBefore), firstAfter, actual.get(firstAfter));
      }
    }
    return this;
  }

  private int first(String fragment) {
    for (int i = 0; i < actual.size(); i++) {
      if (actual.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }

  private int last(String fragment) {
    for (int i = actual.size() - 1; i >= 0; i--) {
      if (actual.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }
}
