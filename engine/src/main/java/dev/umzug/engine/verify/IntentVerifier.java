package dev.umzug.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.verify.ObjectVerification.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds a {@link VerificationReport} from the intent, the dropped objects and the live target. */
public final class IntentVerifier {

  private final IntentComparer comparer = new IntentComparer();

  /**
   * @param snapshotDigest root digest of the snapshot the intent came from
   * @param intended each restored object as the restore applied it
   * @param dropped objects the plan's rules dropped, which must be absent from the target
   * @param live the target
   */
  public VerificationReport verify(String snapshotDigest, Map<ResourceRef, JsonNode> intended,
      Set<ResourceRef> dropped, LiveObjects live) {
    List<ObjectVerification> results = new ArrayList<>();
    intended.forEach((ref, want) -> {
      Optional<JsonNode> got = live.get(ref);
      if (got.isEmpty()) {
        results.add(new ObjectVerification(ref, Status.MISSING, List.of()));
        return;
      }
      List<FieldDifference> diffs = comparer.compare(ref, want, got.get());
      results.add(new ObjectVerification(ref, diffs.isEmpty() ? Status.CONFIRMED : Status.MISMATCH, diffs));
    });
    for (ResourceRef ref : dropped) {
      if (intended.containsKey(ref)) {
        continue;
      }
      Status status = live.get(ref).isPresent() ? Status.UNEXPECTEDLY_PRESENT : Status.ABSENT_AS_INTENDED;
      results.add(new ObjectVerification(ref, status, List.of()));
    }
    return new VerificationReport(snapshotDigest, results);
  }
}
