package org.cdrbuilder.steps.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DisseminationTest {
    private final Dissemination rule = new Dissemination(20);

    @Test
    void round_zeroStaysZero_smallCountsBecomeTheCellSize_largerOnesRoundUp() {
        assertThat(rule.round(0)).isZero();
        assertThat(rule.round(1)).isEqualTo(20);
        assertThat(rule.round(19)).isEqualTo(20);
        assertThat(rule.round(20)).isEqualTo(20);
        assertThat(rule.round(21)).isEqualTo(40);
        assertThat(rule.round(40)).isEqualTo(40);
        assertThat(rule.round(401)).isEqualTo(420);
    }

    @Test
    void subtraction_independentRoundingHidesAComplementOfOne_theHierarchyDoesNot() {
        // "participants with EHR" = 40, "with EHR and surveys" = 39: one participant has EHR but no surveys
        assertThat(rule.round(40) - rule.round(39)).as("rounded on their own, the difference claims nobody").isZero();
        Cell ehr = new Cell(40);
        Cell ehrAndSurveys = new Cell(39);
        ehr.contains(ehrAndSurveys);
        rule.publish(List.of(ehr));
        assertThat(ehrAndSurveys.published()).isEqualTo(40);
        assertThat(ehr.published()).isEqualTo(60);
        assertThat(ehr.published() - ehrAndSurveys.published()).isEqualTo(rule.round(1));
    }

    @Test
    void subtraction_equalCountsStayEqual_andParentsRiseOnlyWhenNeeded() {
        Cell total = new Cell(286);
        Cell same = new Cell(286);
        Cell far = new Cell(100);
        total.contains(same).contains(far);
        rule.publish(List.of(total));
        assertThat(same.published()).isEqualTo(300);
        assertThat(far.published()).isEqualTo(100);
        assertThat(total.published()).as("286 - 100 = 186 -> 200, 100 + 200 = 300: no raise").isEqualTo(300);
    }

    @Test
    void subtraction_holdsForEveryNestedPair_inRandomHierarchies() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            List<Cell> all = new ArrayList<>();
            Cell root = new Cell(1 + random.nextInt(2000));
            all.add(root);
            grow(root, 0, random, all);
            rule.publish(List.of(root));
            for (Cell c : all) {
                assertThat(c.published()).as("multiple of the cell size, at least the true count")
                        .isGreaterThanOrEqualTo(c.raw()).matches(v -> v % 20 == 0 && (v == 0) == (c.raw() == 0));
                if (c.subsets().isEmpty()) {
                    assertThat(c.published()).as("leaves follow the plain rule").isEqualTo(rule.round(c.raw()));
                }
                assertThat(c.published()).as("at most one step per level above the rule")
                        .isLessThanOrEqualTo(rule.round(c.raw()) + 20L * height(c));
                for (Cell d : descendants(c)) {
                    long shown = c.published() - d.published();
                    assertThat(shown).as("difference of nested counts %s and %s", c, d)
                            .isGreaterThanOrEqualTo(rule.round(c.raw() - d.raw()));
                }
            }
        }
    }

    /** Random nested subsets: each child a random share of its parent, up to three levels. */
    private static void grow(Cell parent, int depth, Random random, List<Cell> all) {
        if (depth == 3) {
            return;
        }
        int children = random.nextInt(4);
        for (int i = 0; i < children; i++) {
            long raw = random.nextInt(3) == 0 ? parent.raw() - random.nextInt((int) Math.min(25, parent.raw() + 1))
                    : (long) (parent.raw() * random.nextDouble());
            Cell c = new Cell(Math.max(0, raw));
            parent.contains(c);
            all.add(c);
            grow(c, depth + 1, random, all);
        }
    }

    private static int height(Cell c) {
        int h = 0;
        for (Cell s : c.subsets()) {
            h = Math.max(h, 1 + height(s));
        }
        return h;
    }

    private static List<Cell> descendants(Cell c) {
        List<Cell> out = new ArrayList<>();
        for (Cell s : c.subsets()) {
            out.add(s);
            out.addAll(descendants(s));
        }
        return out;
    }

    @Test
    void cells_rejectImpossibleContainment() {
        assertThatThrownBy(() -> new Cell(5).contains(new Cell(6))).hasMessageContaining("cannot be larger");
        Cell a = new Cell(5);
        assertThatThrownBy(() -> a.contains(a)).hasMessageContaining("itself");
        Cell b = new Cell(5);
        Cell c = new Cell(5);
        b.contains(c);
        c.contains(b);
        assertThatThrownBy(() -> rule.publish(List.of(b))).hasMessageContaining("contain each other");
    }
}
