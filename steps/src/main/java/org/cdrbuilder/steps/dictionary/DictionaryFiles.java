package org.cdrbuilder.steps.dictionary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.privacy.PrivacyStage;

/** Where the data dictionary goes and how it is made for a configuration (its tier profiles). */
public final class DictionaryFiles {
    /** The dictionary of a published tier, relative to the tier's folder (listed in the manifest's docs_files). */
    public static final String HTML = "docs/dictionary.html";

    private DictionaryFiles() {
    }

    /** The dictionary of {@code tiers}, with their profiles from {@code tierProfilesDir} and every rule on the class path. */
    public static DataDictionary dictionary(Path tierProfilesDir, List<String> tiers) {
        Map<String, TierProfile> profiles = new LinkedHashMap<>();
        for (String t : tiers) {
            profiles.put(t, PrivacyStage.readProfile(tierProfilesDir, t));
        }
        return DataDictionary.of(CdrSchema.get(), RuleEngine.of(RuleEngine.discover()).rules(), profiles);
    }

    /** Writes {@link #HTML} of {@code tier} (its profile in {@code tierProfilesDir}) into {@code tierDir}. */
    public static void writeHtml(Path tierProfilesDir, String version, String tier, Path tierDir) {
        Path file = tierDir.resolve(HTML);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, DictionaryHtml.render(dictionary(tierProfilesDir, List.of(tier)), version, tier),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
