package org.cdrbuilder.steps.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.ProbeGroup;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.row.Row;

/** What a table scan feeds: one probe, or a group of checks counted together, with the check type it reports as. */
final class Planned {
    private final CheckType type;
    private final Probe probe;
    private final ProbeGroup group;

    private Planned(CheckType type, Probe probe, ProbeGroup group) {
        this.type = type;
        this.probe = probe;
        this.group = group;
    }

    static Planned probe(CheckType type, Probe p) {
        return new Planned(type, p, null);
    }

    static Planned group(CheckType type, ProbeGroup g) {
        return new Planned(type, null, g);
    }

    /** The probe, or null for a group. */
    Probe probe() {
        return probe;
    }

    /** The group, or null for a probe. */
    ProbeGroup group() {
        return group;
    }

    int checks() {
        return probe != null ? 1 : group.members().size();
    }

    Set<String> columns() {
        return probe != null ? probe.columns() : group.columns();
    }

    Set<String> requires() {
        return probe != null ? probe.requires() : Set.of();
    }

    void start(QaContext ctx) {
        if (probe != null) {
            probe.start(ctx);
        }
    }

    void accept(Row row) {
        if (probe != null) {
            probe.accept(row);
        } else {
            group.accept(row);
        }
    }

    void finish(QaContext ctx) {
        if (probe != null) {
            probe.finish(ctx);
        } else {
            group.finish(ctx);
        }
    }

    /** The results of its checks: evaluated counts, or the error that stopped them. */
    List<CheckResult> results(QaThresholds thresholds, String error, double seconds) {
        List<ProbeGroup.Member> members = probe != null
                ? List.of(new ProbeGroup.Member(probe.key(), probe.violations(), probe.parameters())) : group.members();
        List<CheckResult> out = new ArrayList<>();
        for (ProbeGroup.Member m : members) {
            var settings = thresholds.settings(m.key());
            out.add(error != null ? CheckResult.error(type, m.key(), settings, error)
                    : CheckResult.of(type, m.key(), settings, m.violations(), m.parameters() == null ? Map.of()
                    : m.parameters(), seconds));
        }
        return out;
    }
}
