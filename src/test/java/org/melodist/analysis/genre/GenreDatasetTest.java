package org.melodist.analysis.genre;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheGtzanTableWithoutIdentifyingColumns() throws Exception {
        GenreDataset data = GtzanTable.dataset();
        assertEquals(1000, data.size());
        assertEquals(57, data.featureNames().size());
        assertEquals("chroma_stft_mean", data.featureNames().get(0));
        assertEquals("mfcc20_var", data.featureNames().get(56));
        assertTrue(data.featureNames().contains("tempo"));
        assertFalse(data.featureNames().contains("length"));
        assertFalse(data.featureNames().contains("filename"));
        assertEquals(List.of("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae",
                "rock"), data.genres());
        assertEquals("blues.00000.au", data.clipNames().get(0));
        assertEquals("blues", data.genres().get(data.genreOf(0)));
        assertEquals(0.35008811950683594, data.row(0)[0], 0.0);
        int[] perGenre = new int[10];
        for (int g : data.genreIndices()) {
            perGenre[g]++;
        }
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, perGenre);
    }

    @Test
    void subsetKeepsGenreNumbering() throws Exception {
        Path csv = write("filename,length,a,b,label\nx,1,1.0,2.0,rock\ny,1,3.0,4.0,blues\nz,1,5.0,6.0,rock\n");
        GenreDataset data = GenreDataset.read(csv);
        assertEquals(List.of("blues", "rock"), data.genres());
        GenreDataset sub = data.subset(new int[] {2});
        assertEquals(List.of("blues", "rock"), sub.genres());
        assertEquals(1, sub.genreOf(0));
        assertArrayEquals(new double[] {5, 6}, sub.row(0));
        assertEquals(List.of("z"), sub.clipNames());
    }

    @Test
    void malformedTablesAreRefusedWithFileAndReason() throws IOException {
        assertRefused(write(""), "empty");
        assertRefused(write("filename,a,b\nx,1,2\n"), "'label'");
        assertRefused(write("filename,a,label\nx,1,rock\ny,abc,pop\n"), "line 3");
        assertRefused(write("filename,a,label\nx,1,rock\ny,2\n"), "2 cells");
        assertRefused(write("filename,a,label\nx,NaN,rock\ny,2,pop\n"), "finite");
        assertRefused(write("filename,a,label\n"), "no data rows");
        assertRefused(write("filename,a,label\nx,1,rock\ny,2,rock\n"), "two genres");
        assertRefused(write("filename,a,label\nx,1,rock\n\n   \ny,abc,pop"), "line 5");
        assertRefused(write("filename,a,label\n\"x,1,rock\ny,2,pop\n"), "not valid CSV");
        assertRefused(tmp.resolve("absent.csv"), "no such file");
        assertRefused(tmp, "is a folder");
    }

    @Test
    void quotedCellsMayHoldCommasAndQuotes() throws Exception {
        GenreDataset d = GenreDataset.read(write(
                "filename,\"a\",label\r\n\"blues, live.wav\",1.5,blues\r\n\"say \"\"hi\"\".wav\",2,rock\r\n"));
        assertEquals(List.of("a"), d.featureNames());
        assertEquals(List.of("blues, live.wav", "say \"hi\".wav"), d.clipNames());
        assertArrayEquals(new double[] {1.5}, d.row(0));
        assertEquals(1, d.genreOf(1));
    }

    private void assertRefused(Path csv, String reason) {
        GenreDataException e = assertThrows(GenreDataException.class, () -> GenreDataset.read(csv));
        assertTrue(e.getMessage().contains(csv.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private Path write(String content) throws IOException {
        Path p = Files.createTempFile(tmp, "table", ".csv");
        Files.writeString(p, content);
        return p;
    }
}
