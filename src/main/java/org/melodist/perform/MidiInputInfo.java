package org.melodist.perform;

import java.util.Objects;

/** A MIDI input (a keyboard, a pad, a virtual port) as the system lists it. */
public record MidiInputInfo(String name, String vendor, String description) {

    public MidiInputInfo {
        Objects.requireNonNull(name, "name");
        vendor = vendor == null ? "" : vendor;
        description = description == null ? "" : description;
    }

    /** What the device list shows and what the settings remember. */
    public String label() {
        return description.isBlank() || description.equals(name) ? name : name + " (" + description + ")";
    }
}
