package org.melodist.generate;

import java.util.List;
import java.util.Map;

/**
 * Joins N networks of the same sizes and vocabulary (typically copies of one model fine-tuned side by side with
 * different seeds) into one network whose logits are the mean of the members' logits: the members' embeddings are
 * stacked, each member's LSTM runs beside the others on its own share of the embedding (no weights between them, so a
 * step costs what the members cost together), and the head averages the members' heads. Averaging logits (a product of
 * experts) is the ensemble one network can hold exactly, so the joined model scores, generates, calibrates and
 * fine-tunes like any other, and its NLL is at most the members' mean (log-sum-exp is convex).
 */
public final class MelodyEnsemble {

    private MelodyEnsemble() {
    }

    /** The joined network; the members are only read. Members that are themselves joined bring all their LSTMs. */
    public static MelodyModel join(List<MelodyModel> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no members to join");
        }
        MelodyModelConfig c = members.get(0).config();
        for (MelodyModel m : members) {
            MelodyModelConfig o = m.config();
            if (o.embedding() != c.embedding() || o.hidden() != c.hidden() || o.layers() != c.layers()
                    || o.memberCount() != c.memberCount() || o.endSteps() != c.endSteps() || !o.encoding().equals(c.encoding())) {
                throw new IllegalArgumentException("members differ in sizes or vocabulary; only copies of one model can be joined");
            }
        }
        int n = members.size();
        MelodyModelConfig joinedConfig = c.withTraining(Map.of())
                .withMembers(n * c.memberCount(), c.embedding() * n, c.hidden() * n);
        MelodyModel joined = MelodyModel.create(joinedConfig);
        try (NoGradScope noGrad = new NoGradScope()) {
            joined.net().joinFrom(members.stream().map(MelodyModel::net).toList());
        } catch (RuntimeException e) {
            joined.close();
            throw e;
        }
        return joined;
    }
}
