package org.aeworkbench.analysis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * ACC, NMI and ARI against scikit-learn 1.2.1 ({@code normalized_mutual_info_score} with its default
 * arithmetic normalisation, {@code adjusted_rand_score}) and scipy's assignment for ACC, computed by
 * src/test/resources/org/aeworkbench/analysis/cluster/cluster_reference.py.
 */
class ClusterAgreementTest {

    private static final int[] LABELS = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2};
    /** Four clusters for three classes. */
    private static final int[] CLUSTERS_A = {1, 1, 1, 1, 3, 1, 0, 2, 2, 2, 0, 2, 2, 0, 0, 0, 3, 0, 0, 1};
    private static final int[] CLUSTERS_B = {2, 2, 2, 2, 2, 0, 2, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1};

    @Test
    void matchesScikitLearnWithMoreClustersThanClasses() {
        ClusterAgreement a = ClusterAgreement.of(CLUSTERS_A, LABELS);
        assertEquals(0.75, a.accuracy(), 1e-15);
        assertEquals(0.5104041386786485, a.nmi(), 1e-13);
        assertEquals(0.41952506596306066, a.ari(), 1e-13);
    }

    @Test
    void matchesScikitLearnWithPermutedClusterNames() {
        ClusterAgreement b = ClusterAgreement.of(CLUSTERS_B, LABELS);
        assertEquals(0.9, b.accuracy(), 1e-15);
        assertEquals(0.7416045996462076, b.nmi(), 1e-13);
        assertEquals(0.713216957605985, b.ari(), 1e-13);
    }

    @Test
    void aRenamedPerfectClusteringScoresOne() {
        int[] renamed = new int[LABELS.length];
        for (int i = 0; i < LABELS.length; i++) {
            renamed[i] = (LABELS[i] + 2) % 3;
        }
        ClusterAgreement p = ClusterAgreement.of(renamed, LABELS);
        assertEquals(1.0, p.accuracy(), 0.0);
        assertEquals(1.0, p.nmi(), 1e-15);
        assertEquals(1.0, p.ari(), 1e-15);
    }

    @Test
    void limitCasesFollowScikitLearn() {
        int[] one = new int[6];
        int[] split = {0, 0, 0, 1, 1, 1};
        // Everything in one cluster against two classes: no information, ARI 0, ACC the larger class.
        ClusterAgreement c = ClusterAgreement.of(one, split);
        assertEquals(0.0, c.nmi(), 0.0);
        assertEquals(0.0, c.ari(), 1e-15);
        assertEquals(0.5, c.accuracy(), 0.0);
        // Both one group: scikit-learn calls it a perfect match.
        assertEquals(1.0, ClusterAgreement.of(one, one).nmi(), 0.0);
        assertEquals(1.0, ClusterAgreement.of(one, one).ari(), 0.0);
        int[] singletons = {0, 1, 2, 3, 4, 5};
        assertEquals(1.0, ClusterAgreement.of(singletons, singletons).ari(), 0.0);
    }

    @Test
    void contingencyTableCountsPairs() {
        ContingencyTable t = ContingencyTable.of(CLUSTERS_B, LABELS);
        assertEquals(3, t.clusters());
        assertEquals(6, t.counts()[2][0]);
        assertEquals(20, t.total());
        assertThrows(IllegalArgumentException.class, () -> ContingencyTable.of(new int[] {0, -1}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> ContingencyTable.of(new int[] {0}, new int[] {0, 0}));
    }
}
