package org.melodist.originality;

/**
 * The longest passage a query shares with one corpus tune, from a local alignment: how many query notes it
 * covers, where it starts in each (quarter notes from the file start), the transposition that maps the
 * corpus tune onto the query (query pitch = corpus pitch + transposition), and a similarity score in 0..1
 * (the alignment score over the score of the whole query matching exactly). {@code queryNotes} and
 * {@code corpusNotes} pair the matched notes by their index in each melody.
 */
public record SharedPassage(String corpusFile, int corpusTune, double score, int sharedNotes, double queryStartBeat,
                            double corpusStartBeat, int transposition, int[] queryNotes, int[] corpusNotes) {

    public SharedPassage {
        queryNotes = queryNotes.clone();
        corpusNotes = corpusNotes.clone();
    }

    @Override
    public int[] queryNotes() {
        return queryNotes.clone();
    }

    @Override
    public int[] corpusNotes() {
        return corpusNotes.clone();
    }
}
