package org.cdrbuilder.core.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;

import org.cdrbuilder.core.row.Row;

/**
 * A rule's decision about one row: keep it, remove it, change it in place, move it to another table, or keep it and
 * create new rows beside it. Reasons name what was wrong in words, never the offending value.
 */
public sealed interface Verdict {
    Keep KEEP = new Keep();

    /** The row is fine for this rule. */
    record Keep() implements Verdict {
    }

    /** The row leaves the release. */
    record Remove(String reason) implements Verdict {
        public Remove {
            requireNonNull(reason, "reason is null");
        }
    }

    /** The row stays after {@code change} modifies it; the engine keeps a copy of it as it was. */
    record Change(String reason, Consumer<Row> change) implements Verdict {
        public Change {
            requireNonNull(reason, "reason is null");
            requireNonNull(change, "change is null");
        }
    }

    /** The row belongs to another table (domain alignment); it gets an id of that table when its pass completes. */
    record Move(String table, String reason) implements Verdict {
        public Move {
            requireNonNull(table, "table is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /** The row stays and the rule adds rows (of any table) beside it, e.g. backfilled answers. */
    record Create(String reason, List<Row> rows) implements Verdict {
        public Create {
            requireNonNull(reason, "reason is null");
            rows = List.copyOf(rows);
        }
    }

    static Verdict remove(String reason) {
        return new Remove(reason);
    }

    static Verdict change(String reason, Consumer<Row> change) {
        return new Change(reason, change);
    }
}
