package org.melodist.analysis.genre;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.melodist.SharedData;

/** Locates the shared GTZAN feature table for tests, skipping (with the reason printed) where it is absent. */
final class GtzanTable {

    static final String RELATIVE = "gtzan-features/features_30_sec.csv";

    private GtzanTable() {
    }

    static Path require() {
        Optional<Path> csv = SharedData.data(RELATIVE);
        if (csv.isEmpty()) {
            System.out.println(SharedData.missingReason(RELATIVE));
        }
        Assumptions.assumeTrue(csv.isPresent(), SharedData.missingReason(RELATIVE));
        return csv.get();
    }

    static GenreDataset dataset() throws GenreDataException {
        return GenreDataset.read(require());
    }

    /** Row {@code i} as the feature map the extractor produces. */
    static Map<String, Double> features(GenreDataset data, int i) {
        Map<String, Double> map = new LinkedHashMap<>();
        double[] row = data.row(i);
        for (int f = 0; f < row.length; f++) {
            map.put(data.featureNames().get(f), row[f]);
        }
        return map;
    }

    /** {@code perGenre} rows of each genre, the first ones in file order. */
    static GenreDataset firstPerGenre(GenreDataset data, int perGenre) {
        int[] taken = new int[data.genres().size()];
        int[] idx = java.util.stream.IntStream.range(0, data.size())
                .filter(i -> taken[data.genreOf(i)]++ < perGenre).toArray();
        return data.subset(idx);
    }
}
