package org.cdrbuilder.steps.snapshot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.roaringbitmap.RoaringBitmap;

/**
 * Participants in total, per data type and per exact combination of data types. Each participant is in exactly one
 * combination; a data type contains the combinations that include it, and the total contains everything, so a
 * reader who subtracts a combination from its data type gets a count the rule allows (see {@link Dissemination}).
 * <p>
 * Data types: surveys = a survey_conduct row; EHR = a row from an EHR site in a clinical table; physical
 * measurements = a measurement row of the physical-measurement type; Fitbit = a row in any wearables table;
 * biospecimens = a biospecimen date in the registry (no table of the release records collection).
 */
final class DataTypeCounts {
    final Cell all;
    final Map<DataType, Cell> byType = new EnumMap<>(DataType.class);
    final FamilyTable dataTypes = new FamilyTable("data_types", "snapshot_data_types");
    final FamilyTable combinations = new FamilyTable("data_type_combinations", "snapshot_data_type_combinations");

    DataTypeCounts(SnapshotInputs in) {
        Map<DataType, RoaringBitmap> sets = new EnumMap<>(DataType.class);
        sets.put(DataType.SURVEYS, PersonSets.decode(in.responses.persons));
        sets.put(DataType.EHR, in.ehrPersons());
        sets.put(DataType.PHYSICAL_MEASUREMENTS,
                PersonSets.decode(in.events(EventTable.MEASUREMENT).physicalMeasurementPersons));
        sets.put(DataType.FITBIT, in.fitbitPersons());
        sets.put(DataType.BIOSPECIMENS, PersonSets.decode(in.persons.biospecimens));
        int participants = in.persons.persons;
        long[] perCombination = new long[1 << DataType.values().length];
        for (int p = 0; p < participants; p++) {
            int mask = 0;
            for (DataType t : DataType.values()) {
                if (sets.get(t).contains(p)) {
                    mask |= t.bit();
                }
            }
            perCombination[mask]++;
        }
        all = new Cell(participants);
        dataTypes.add("all", "All participants", all);
        for (DataType t : DataType.values()) {
            Cell c = new Cell(sets.get(t).getLongCardinality());
            all.contains(c);
            byType.put(t, c);
            dataTypes.add(t.key(), t.label(), c);
        }
        for (int mask = 0; mask < perCombination.length; mask++) {
            if (perCombination[mask] > 0) {
                addCombination(mask, new Cell(perCombination[mask]));
            }
        }
    }

    private void addCombination(int mask, Cell cell) {
        List<String> names = new ArrayList<>();
        Object[] row = new Object[8];
        int i = 1;
        for (DataType t : DataType.values()) {
            boolean has = (mask & t.bit()) != 0;
            row[i++] = has;
            if (has) {
                names.add(t.key());
                byType.get(t).contains(cell);
            }
        }
        if (mask == 0) {
            all.contains(cell);
        }
        row[0] = names.isEmpty() ? "none" : String.join("+", names);
        row[6] = names.size();
        row[7] = cell;
        combinations.add(row);
    }
}
