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
    /**
     * States (those The Basics catalog has answers for) and a ZIP prefix in each, for the participants who do not live
     * in the state of their site ({@link SiteNames#home}); Mississippi is rare on purpose so that state generalization
     * below 200 participants has work to do.
     */
    static final String[][] STATES = {{"CA", "94"}, {"NY", "10"}, {"FL", "33"}, {"IL", "60"}, {"GA", "30"},
        {"AZ", "85"}, {"MA", "02"}, {"MI", "48"}, {"AL", "35"}, {"CT", "06"}, {"OR", "97"}, {"MS", "39"}};
    static final int[] STATE_WEIGHTS = {14, 10, 8, 7, 6, 6, 5, 5, 4, 3, 3, 1};

    private Names() {
    }

    static String pick(List<String> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    static String[] state(SplittableRandom r) {
        return STATES[Weighted.index(STATE_WEIGHTS, r)];
    }
}
