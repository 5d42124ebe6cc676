package org.melodist.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;

import org.junit.jupiter.api.Test;

class SystemMidiInputsTest {

    @Test
    void listsNoSequencerOrSynthesizerAsAnInput() {
        List<MidiInputInfo> inputs = new SystemMidiInputs().list();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice d = MidiSystem.getMidiDevice(info);
                boolean shown = inputs.stream().anyMatch(i -> i.name().equals(info.getName())
                        && i.description().equals(info.getDescription()));
                if (d instanceof javax.sound.midi.Sequencer || d instanceof javax.sound.midi.Synthesizer) {
                    assertFalse(shown, info.getName() + " is no keyboard");
                }
            } catch (MidiUnavailableException e) {
                // a device that cannot be asked is not listed either
            }
        }
    }

    @Test
    void aDeviceThatIsGoneSaysSoInOneLine() {
        MidiInputInfo gone = new MidiInputInfo("Keystation 49 MK3", "M-Audio", "USB MIDI");
        MidiUnavailableException e = assertThrows(MidiUnavailableException.class,
                () -> new SystemMidiInputs().connect(gone, Receiver.class.cast(new StepInput(0, 0, 1, s -> { }))));
        assertEquals("the MIDI input Keystation 49 MK3 (USB MIDI) is not connected any more", e.getMessage());
    }

    @Test
    void theRememberedInputIsFoundByItsLabelOnlyWhilePluggedIn() {
        MidiInputInfo a = new MidiInputInfo("Keystation", "M-Audio", "USB MIDI");
        MidiInputInfo b = new MidiInputInfo("Virtual Raw MIDI 1-0", "ALSA", "Virtual Raw MIDI 1-0");
        assertEquals("Virtual Raw MIDI 1-0", b.label());
        assertEquals(a, MidiInputs.find(List.of(b, a), "Keystation (USB MIDI)").orElseThrow());
        assertTrue(MidiInputs.find(List.of(b), "Keystation (USB MIDI)").isEmpty());
        assertTrue(MidiInputs.find(List.of(a, b), "").isEmpty());
    }
}
