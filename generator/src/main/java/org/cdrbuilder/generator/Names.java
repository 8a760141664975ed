package org.cdrbuilder.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Identifying details of synthetic participants: only the registry has them, and the privacy audit looks for them. */
final class Names {
    static final List<String> FIRST = List.of("Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah",
            "Isabella", "Mateo", "Mia", "Lucas", "Evelyn", "Levi", "Harper", "Asher", "Luna", "James", "Camila", "Leo",
            "Gianna", "Ezra", "Aurora", "Luca", "Ava", "Hudson", "Ellie", "Ethan", "Nova", "Kai", "Zuri", "Thandiwe",
            "Priyanka", "Hiroshi", "Mei", "Oluwaseun", "Svetlana", "Joaquin", "Fatima", "Dmitri");
    static final List<String> LAST = List.of("Okonkwo", "Gallagher", "Nakamura", "Fitzgerald", "Abernathy",
            "Villanueva", "Lindqvist", "Castellanos", "Thibodeaux", "Oyelaran", "Kowalczyk", "Sandoval", "Whitcombe",
            "Pemberton", "Rasmussen", "Delacroix", "Hargreaves", "Montgomery", "Quintero", "Yamamoto", "Achterberg",
            "Baptiste", "Chakraborty", "Dubrovnik", "Esposito", "Fairweather", "Grantham", "Halvorsen", "Iwasaki",
            "Jablonski");
    static final List<String> STREETS = List.of("Maple Ave", "Oak St", "Cedar Ln", "Willow Dr", "Birch Rd",
            "Elm Ct", "Juniper Way", "Sycamore Blvd", "Chestnut Pl", "Magnolia Ter");
    /** State and a ZIP prefix in it; Wyoming and Vermont are rare on purpose (state generalization below 200). */
    static final String[][] STATES = {{"CA", "94"}, {"NY", "10"}, {"TX", "75"}, {"FL", "33"}, {"IL", "60"},
        {"PA", "15"}, {"AZ", "85"}, {"WA", "98"}, {"GA", "30"}, {"MA", "02"}, {"NC", "27"}, {"MI", "48"},
        {"WY", "82"}, {"VT", "05"}};
    static final int[] STATE_WEIGHTS = {14, 10, 10, 8, 7, 7, 6, 6, 6, 5, 5, 5, 1, 1};

    private Names() {
    }

    static String pick(List<String> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    static String[] state(SplittableRandom r) {
        return STATES[Weighted.index(STATE_WEIGHTS, r)];
    }
}
