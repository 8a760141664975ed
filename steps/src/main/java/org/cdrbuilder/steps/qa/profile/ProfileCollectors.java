package org.cdrbuilder.steps.qa.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cdrbuilder.core.qa.ConfigTable;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.cdrbuilder.steps.qa.facts.Facts;
import org.cdrbuilder.steps.qa.facts.LongKeySet;

import com.carrotsearch.hppc.IntHashSet;

/**
 * Builds a {@link ReleaseProfile} while the tables are scanned for their checks: one collector per table gathers its
 * concepts and the persons of each data type it feeds ({@value #DATA_TYPES}: dataType, cdmTableName, filterField,
 * includeValues, excludeValues; values separated by {@code ;}).
 */
public final class ProfileCollectors {
    public static final String DATA_TYPES = "data-types.csv";

    private final List<Collector> collectors = new ArrayList<>();

    /**
     * @param tables the tables scanned
     * @param dataTypes rows of {@value #DATA_TYPES}
     */
    public ProfileCollectors(List<TableDef> tables, List<ConfigTable.Row> dataTypes) {
        for (TableDef t : tables) {
            List<Filter> filters = new ArrayList<>();
            for (ConfigTable.Row r : dataTypes) {
                if (r.require("cdmTableName").equals(t.name()) && t.hasColumn("person_id")) {
                    filters.add(Filter.of(t, r));
                }
            }
            List<ColumnDef> conceptFields = t.columns().stream().filter(ProfileCollectors::profiled).toList();
            if (!filters.isEmpty() || !conceptFields.isEmpty()) {
                collectors.add(new Collector(t, filters, conceptFields));
            }
        }
    }

    /** Concept fields whose concepts are compared: declared concept references other than type concepts. */
    static boolean profiled(ColumnDef c) {
        return c.references().map(fk -> fk.table().equals("concept")).orElse(false)
                && !c.name().endsWith("_type_concept_id");
    }

    public List<FactCollector> collectors() {
        return List.copyOf(collectors);
    }

    /** The profile, once every scan has ended; rows per table come from the scans' counts. */
    public ReleaseProfile profile(String version, String tier, Map<String, Long> rows) {
        ReleaseProfile p = new ReleaseProfile();
        p.version = version;
        p.tier = tier;
        p.rows.putAll(rows);
        Map<String, LongKeySet> persons = new TreeMap<>();
        for (Collector c : collectors) {
            c.concepts.forEach((field, ids) -> {
                int[] a = ids.toArray();
                Arrays.sort(a);
                p.concepts.put(c.table.name() + "." + field, Arrays.stream(a).boxed().toList());
            });
            for (Filter f : c.filters) {
                LongKeySet all = persons.computeIfAbsent(f.dataType, k -> new LongKeySet());
                all.addAll(f.persons);
            }
        }
        persons.forEach((type, ids) -> p.participants.put(type, ids.seal().size()));
        return p;
    }

    /** Rows of a table that count for a data type. */
    private static final class Filter {
        final String dataType;
        final int field;
        final Set<Integer> include;
        final Set<Integer> exclude;
        final LongKeySet persons = new LongKeySet();

        private Filter(String dataType, int field, Set<Integer> include, Set<Integer> exclude) {
            this.dataType = dataType;
            this.field = field;
            this.include = include;
            this.exclude = exclude;
        }

        static Filter of(TableDef t, ConfigTable.Row r) {
            String field = r.get("filterField");
            return new Filter(r.require("dataType"), field == null ? -1 : t.indexOf(field), ids(r.get("includeValues")),
                    ids(r.get("excludeValues")));
        }

        private static Set<Integer> ids(String text) {
            Set<Integer> out = new HashSet<>();
            if (text != null) {
                for (String s : text.split(";")) {
                    out.add(Integer.parseInt(s.trim()));
                }
            }
            return out;
        }

        boolean counts(Row row) {
            if (field < 0) {
                return true;
            }
            Object v = row.get(field);
            return (include.isEmpty() || include.contains(v)) && !exclude.contains(v);
        }
    }

    private static final class Collector implements FactCollector {
        final TableDef table;
        final List<Filter> filters;
        final int[] conceptColumns;
        final Map<String, IntHashSet> concepts = new TreeMap<>();
        final IntHashSet[] sets;
        final int person;

        Collector(TableDef table, List<Filter> filters, List<ColumnDef> conceptFields) {
            this.table = table;
            this.filters = filters;
            this.conceptColumns = conceptFields.stream().mapToInt(c -> table.indexOf(c.name())).toArray();
            this.sets = new IntHashSet[conceptColumns.length];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = new IntHashSet();
                concepts.put(conceptFields.get(i).name(), sets[i]);
            }
            this.person = table.indexOfOrMinus1("person_id");
        }

        @Override
        public String table() {
            return table.name();
        }

        @Override
        public Set<String> columns() {
            Set<String> cols = new HashSet<>();
            for (int c : conceptColumns) {
                cols.add(table.column(c).name());
            }
            for (Filter f : filters) {
                cols.add("person_id");
                if (f.field >= 0) {
                    cols.add(table.column(f.field).name());
                }
            }
            return cols;
        }

        @Override
        public void accept(Row row) {
            for (int i = 0; i < conceptColumns.length; i++) {
                if (row.get(conceptColumns[i]) instanceof Integer c) {
                    sets[i].add(c);
                }
            }
            if (person >= 0 && row.get(person) instanceof Long id) {
                for (Filter f : filters) {
                    if (f.counts(row)) {
                        f.persons.add(id);
                    }
                }
            }
        }

        @Override
        public void publish(Facts facts) {
            // the profile is assembled by ProfileCollectors.profile once every scan has ended
        }
    }
}
