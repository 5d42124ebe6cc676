package org.melodist.analysis;

/**
 * Frame-wise features of one recording, as librosa 0.10 computes them with its defaults (see
 * {@link FeatureExtractor} for each convention). Series are indexed by frame; frame {@code t} is centred on
 * sample {@code t * hop}.
 *
 * @param sampleRate         rate of the analysed samples (22,050 Hz)
 * @param length             number of samples analysed
 * @param hop                hop between frames in samples
 * @param spectralCentroid   Hz
 * @param spectralBandwidth  Hz (p = 2)
 * @param rolloff            Hz (85 %)
 * @param zeroCrossingRate   crossings per sample
 * @param rms                root mean square of each 2048-sample frame
 * @param mfcc               [20][frames], dB-scaled mel cepstrum
 * @param chroma             [12][frames], row 0 = C, each frame scaled to max 1
 * @param onsetStrength      librosa onset strength envelope (median over mel bands of dB flux)
 * @param chromaTuning       the tuning used for chroma, in fractions of a semitone
 * @param harmonyMean        mean of the HPSS harmonic waveform
 * @param harmonyVar         variance (ddof 0) of the harmonic waveform
 * @param perceptrMean       mean of the HPSS percussive waveform
 * @param perceptrVar        variance (ddof 0) of the percussive waveform
 * @param harmonyBlocks      per-hop moments of the harmonic waveform, for stretches of the recording
 * @param perceptrBlocks     per-hop moments of the percussive waveform
 */
public record FrameFeatures(int sampleRate, int length, int hop, double[] spectralCentroid, double[] spectralBandwidth,
        double[] rolloff, double[] zeroCrossingRate, double[] rms, double[][] mfcc, double[][] chroma,
        double[] onsetStrength, double chromaTuning, double harmonyMean, double harmonyVar, double perceptrMean,
        double perceptrVar, BlockMoments harmonyBlocks, BlockMoments perceptrBlocks) {

    public int frames() {
        return spectralCentroid.length;
    }

    public double hopSeconds() {
        return (double) hop / sampleRate;
    }
}
