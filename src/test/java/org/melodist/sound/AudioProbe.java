package org.melodist.sound;

import java.util.ArrayList;
import java.util.List;

/** Measurements on rendered interleaved stereo 16-bit audio, as a listener would judge it. */
final class AudioProbe {

    private final float[] mono;
    private final float rate;

    AudioProbe(short[] interleaved, float rate) {
        this.rate = rate;
        mono = new float[interleaved.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (interleaved[2 * i] + interleaved[2 * i + 1]) / 2f / 32768f;
        }
    }

    int frames() {
        return mono.length;
    }

    float peak() {
        float p = 0;
        for (float v : mono) p = Math.max(p, Math.abs(v));
        return p;
    }

    float peak(double fromSeconds, double toSeconds) {
        float p = 0;
        int a = Math.max(0, (int) (fromSeconds * rate));
        int b = Math.min(mono.length, (int) (toSeconds * rate));
        for (int i = a; i < b; i++) p = Math.max(p, Math.abs(mono[i]));
        return p;
    }

    /**
     * Onset times in seconds found blindly: the first sample over 25% of the peak after the 1 ms
     * envelope had fallen below 5% (hysteresis keeps one note from counting twice).
     */
    List<Double> onsets() {
        float peak = peak();
        float high = 0.25f * peak;
        float low = 0.05f * peak;
        int block = Math.max(1, Math.round(rate / 1000));
        List<Double> found = new ArrayList<>();
        boolean sounding = false;
        for (int start = 0; start < mono.length; start += block) {
            int end = Math.min(mono.length, start + block);
            float env = 0;
            for (int i = start; i < end; i++) env = Math.max(env, Math.abs(mono[i]));
            if (!sounding && env > high) {
                int i = start;
                while (Math.abs(mono[i]) <= high) i++;
                found.add(i / (double) rate);
                sounding = true;
            } else if (sounding && env < low) {
                sounding = false;
            }
        }
        return found;
    }

    /** Frequency from upward zero crossings between two times, interpolated to sub-sample accuracy. */
    double frequency(double fromSeconds, double toSeconds) {
        int a = (int) (fromSeconds * rate);
        int b = Math.min(mono.length - 1, (int) (toSeconds * rate));
        double first = -1;
        double last = -1;
        int count = 0;
        for (int i = a; i < b; i++) {
            if (mono[i] <= 0 && mono[i + 1] > 0) {
                double t = i + mono[i] / (mono[i] - mono[i + 1]);
                if (first < 0) first = t; else count++;
                last = t;
            }
        }
        if (count == 0) return 0;
        return count / ((last - first) / rate);
    }
}
