package org.cdrbuilder.steps.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import org.roaringbitmap.RoaringBitmap;

/** Sets of participants (person indexes) as compressed bitmaps, and their text form in a unit's partial result. */
final class PersonSets {
    private PersonSets() {
    }

    static String encode(RoaringBitmap set) {
        set.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(set.serializedSizeInBytes());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            set.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static RoaringBitmap decode(String text) {
        RoaringBitmap set = new RoaringBitmap();
        if (text == null || text.isEmpty()) {
            return set;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
            set.deserialize(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
