package dev.umzug.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.restore.JournalEntry.Outcome;
import dev.umzug.engine.restore.RestoreJournal.Decision;
import dev.umzug.engine.spi.ResourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Restore journal")
class RestoreJournalTest {

  static final String SNAPSHOT = "a".repeat(64);
  static final String D1 = "1".repeat(64);
  static final String D2 = "2".repeat(64);
  static final ResourceRef CM = new ResourceRef("", "ConfigMap", "shop", "cfg");
  static final ResourceRef WEB = new ResourceRef("apps", "Deployment", "shop", "web");
  static final ResourceRef NS = new ResourceRef("", "Namespace", null, "shop");

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("journal.jsonl");
  }

  /** A short journal: header, a namespace created, a ConfigMap started and updated, a Deployment started. */
  private byte[] shortJournal() throws IOException {
    try (RestoreJournal j = RestoreJournal.open(file(), SNAPSHOT)) {
      j.append(NS, D1, "namespaces", Outcome.CREATED, "");
      j.append(CM, D1, "configuration", Outcome.STARTED, "");
      j.append(CM, D1, "configuration", Outcome.UPDATED, "");
      j.append(WEB, D2, "workloads", Outcome.STARTED, "");
    }
    return Files.readAllBytes(file());
  }

  @Nested
  @DisplayName("decides what a rerun does")
  class Decide {

    @Test
    @DisplayName("an object never seen is applied; one applied with the same digest is skipped")
    void applyAndSkip() throws IOException {
      try (RestoreJournal j = RestoreJournal.open(file(), SNAPSHOT)) {
        assertThat(j.decide(CM, D1)).isEqualTo(Decision.APPLY);
        j.append(CM, D1, "configuration", Outcome.STARTED, "");
        j.append(CM, D1, "configuration", Outcome.CREATED, "");
        assertThat(j.decide(CM, D1)).isEqualTo(Decision.SKIP_ALREADY_APPLIED);
        assertThat(j.appliedDigest(CM)).contains(D1);
      }
    }

    @Test
    @DisplayName("an object applied, or maybe applied, with another digest is a conflict")
    void conflict() throws IOException {
      try (RestoreJournal j = RestoreJournal.open(file(), SNAPSHOT)) {
        j.append(CM, D1, "configuration", Outcome.UNCHANGED, "");
        j.append(WEB, D1, "workloads", Outcome.STARTED, "");
        assertThat(j.decide(CM, D2)).isEqualTo(Decision.CONFLICT_DIFFERENT_DIGEST);
        assertThat(j.decide(WEB, D2)).isEqualTo(Decision.CONFLICT_DIFFERENT_DIGEST);
      }
    }

    @Test
    @DisplayName("an apply that started but has no result is applied again only with the same digest")
    void startedSameDigest() throws IOException {
      try (RestoreJournal j = RestoreJournal.open(file(), SNAPSHOT)) {
        j.append(WEB, D1, "workloads", Outcome.STARTED, "");
        assertThat(j.decide(WEB, D1)).isEqualTo(Decision.APPLY);
      }
    }

    @Test
    @DisplayName("a failed or skipped object may be applied later with other content")
    void failedThenOther() throws IOException {
      try (RestoreJournal j = RestoreJournal.open(file(), SNAPSHOT)) {
        j.append(CM, D1, "configuration", Outcome.FAILED, "admission webhook denied the request");
        j.append(WEB, D1, "workloads", Outcome.SKIPPED, "dropped by plan");
        assertThat(j.decide(CM, D2)).isEqualTo(Decision.APPLY);
        assertThat(j.decide(WEB, D2)).isEqualTo(Decision.APPLY);
      }
    }

    @Test
    @DisplayName("a reopened journal remembers what was applied, the last entry and the unresolved starts")
    void reopen() throws IOException {
      shortJournal();
      try (RestoreJournal j = RestoreJournal.open(file(), SNAPSHOT)) {
        assertThat(j.decide(NS, D1)).isEqualTo(Decision.SKIP_ALREADY_APPLIED);
        assertThat(j.decide(CM, D1)).isEqualTo(Decision.SKIP_ALREADY_APPLIED);
        assertThat(j.decide(WEB, D1)).isEqualTo(Decision.CONFLICT_DIFFERENT_DIGEST);
        assertThat(j.last()).get().extracting(JournalEntry::ref, JournalEntry::outcome)
            .containsExactly(WEB, Outcome.STARTED);
        assertThat(j.unresolved()).extracting(JournalEntry::ref).containsExactly(WEB);
        assertThat(j.tornBytes()).isZero();
      }
    }
  }

  @Nested
  @DisplayName("survives a crash at any byte")
  class Crash {

    @Test
    @DisplayName("truncated at every offset, it reads back exactly the complete lines and reports the torn rest")
    void everyOffset() throws IOException {
      byte[] full = shortJournal();
      List<Integer> lineEnds = new ArrayList<>();
      for (int i = 0; i < full.length; i++) {
        if (full[i] == '\n') {
          lineEnds.add(i + 1);
        }
      }
      assertThat(lineEnds).hasSize(5);
      List<JournalEntry> all;
      try (RestoreJournal j = RestoreJournal.open(file(), SNAPSHOT)) {
        all = j.entries();
      }
      for (int cut = 0; cut <= full.length; cut++) {
        int complete = 0;
        while (complete < lineEnds.size() && lineEnds.get(complete) <= cut) {
          complete++;
        }
        int validLength = complete == 0 ? 0 : lineEnds.get(complete - 1);
        Path f = dir.resolve("cut-" + cut + ".jsonl");
        Files.write(f, Arrays.copyOf(full, cut));
        List<JournalEntry> expected = all.subList(0, Math.max(0, complete - 1));
        try (RestoreJournal j = RestoreJournal.open(f, SNAPSHOT, false)) {
          assertThat(j.entries()).as("cut at %d", cut).isEqualTo(expected);
          assertThat(j.tornBytes()).as("cut at %d", cut).isEqualTo(cut - validLength);
          assertThat(j.last()).as("cut at %d", cut)
              .isEqualTo(expected.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(expected.get(expected.size() - 1)));
          // a rerun appends after the cut; the journal stays readable and in sequence
          j.append(CM, D1, "configuration", Outcome.UNCHANGED, "");
        }
        try (RestoreJournal j = RestoreJournal.open(f, SNAPSHOT, false)) {
          assertThat(j.tornBytes()).as("cut at %d, reopened", cut).isZero();
          assertThat(j.entries()).as("cut at %d, reopened", cut).hasSize(expected.size() + 1);
          assertThat(j.entries().subList(0, expected.size())).isEqualTo(expected);
          assertThat(j.decide(CM, D1)).isEqualTo(Decision.SKIP_ALREADY_APPLIED);
        }
      }
    }

    @Test
    @DisplayName("a complete line with a changed byte is refused, not skipped")
    void corruptedLine() throws IOException {
      byte[] bytes = shortJournal();
      String text = new String(bytes, StandardCharsets.UTF_8);
      int at = text.indexOf("UPDATED");
      bytes[at] = 'X';
      Files.write(file(), bytes);
      assertThatThrownBy(() -> RestoreJournal.open(file(), SNAPSHOT))
          .isInstanceOf(JournalCorruptedException.class)
          .hasMessageContaining("line 4: checksum does not match");
    }

    @Test
    @DisplayName("a removed line breaks the sequence and is refused")
    void removedLine() throws IOException {
      shortJournal();
      List<String> lines = new ArrayList<>(Files.readAllLines(file()));
      lines.remove(2);
      Files.writeString(file(), String.join("\n", lines) + "\n");
      assertThatThrownBy(() -> RestoreJournal.open(file(), SNAPSHOT))
          .isInstanceOf(JournalCorruptedException.class)
          .hasMessageContaining("line 3: sequence number 3, expected 2");
    }

    @Test
    @DisplayName("a journal of another snapshot is refused")
    void otherSnapshot() throws IOException {
      shortJournal();
      assertThatThrownBy(() -> RestoreJournal.open(file(), "b".repeat(64)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("use a new journal");
    }
  }

  @Test
  @DisplayName("each line is canonical JSON, a tab and the SHA-256 of that JSON")
  void format() throws IOException {
    String text = new String(shortJournal(), StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    assertThat(lines[0]).startsWith("{\"format\":\"umzug-restore-journal/1\",\"seq\":0,\"snapshot\":\"" + SNAPSHOT + "\"}\t");
    assertThat(lines[1]).startsWith("{\"digest\":\"" + D1 + "\",\"outcome\":\"CREATED\",\"reason\":\"\","
        + "\"ref\":{\"group\":\"\",\"kind\":\"Namespace\",\"name\":\"shop\"},\"seq\":1,\"step\":\"namespaces\"}\t");
    for (String line : lines) {
      String[] parts = line.split("\t");
      assertThat(parts[1]).isEqualTo(JournalCodec.sha256(parts[0].getBytes(StandardCharsets.UTF_8)));
    }
  }
}
