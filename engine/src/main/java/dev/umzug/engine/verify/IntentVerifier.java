package dev.umzug.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.verify.ObjectVerification.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import dev.umzug.engine.snapshot.CanonicalJson;
import dev.umzug.engine.verify.ObjectVerification.JournalCheck;

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
    return verify(snapshotDigest, intended, dropped, live, null);
  }

  /**
   * @param appliedDigests the digest the restore journal records as applied per object, or {@code
   *     null} when there is no journal
   */
  public VerificationReport verify(String snapshotDigest, Map<ResourceRef, JsonNode> intended,
      Set<ResourceRef> dropped, LiveObjects live, Function<ResourceRef, Optional<String>> appliedDigests) {
    return verify(snapshotDigest, intended, Set.of(), dropped, live, appliedDigests);
  }

  /**
   * @param presenceOnly objects that must be on the target whatever their content (create-only
   *     cluster-wide objects the target may own)
   */
  public VerificationReport verify(String snapshotDigest, Map<ResourceRef, JsonNode> intended,
      Set<ResourceRef> presenceOnly, Set<ResourceRef> dropped, LiveObjects live,
      Function<ResourceRef, Optional<String>> appliedDigests) {
    List<ObjectVerification> results = new ArrayList<>();
    for (ResourceRef ref : new java.util.TreeSet<>(presenceOnly)) {
      if (!intended.containsKey(ref)) {
        results.add(new ObjectVerification(ref, live.get(ref).isPresent() ? Status.PRESENT : Status.MISSING,
            List.of()));
      }
    }
    intended.forEach((ref, want) -> {
      String digest = CanonicalJson.sha256(want);
      JournalCheck journal = appliedDigests == null ? JournalCheck.NOT_CHECKED
          : appliedDigests.apply(ref).map(d -> d.equals(digest) ? JournalCheck.SAME_DIGEST : JournalCheck.OTHER_DIGEST)
              .orElse(JournalCheck.NOT_APPLIED);
      String shown = ref.group().isEmpty() && ref.kind().equals("Secret") ? null : digest;
      Optional<JsonNode> got = live.get(ref);
      if (got.isEmpty()) {
        results.add(new ObjectVerification(ref, Status.MISSING, List.of(), shown, journal));
        return;
      }
      List<FieldDifference> diffs = comparer.compare(ref, want, got.get());
      results.add(new ObjectVerification(ref, diffs.isEmpty() ? Status.CONFIRMED : Status.MISMATCH, diffs, shown,
          journal));
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
