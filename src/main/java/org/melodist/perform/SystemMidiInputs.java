package org.melodist.perform;

import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Transmitter;

/** {@link MidiInputs} from {@code javax.sound.midi}: every device that transmits, except sequencers and synthesizers. */
public final class SystemMidiInputs implements MidiInputs {

    private static final System.Logger LOG = System.getLogger(SystemMidiInputs.class.getName());

    @Override
    public List<MidiInputInfo> list() {
        List<MidiInputInfo> inputs = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice d = MidiSystem.getMidiDevice(info);
                if (d instanceof Sequencer || d instanceof Synthesizer || d.getMaxTransmitters() == 0) continue;
                inputs.add(new MidiInputInfo(info.getName(), info.getVendor(), info.getDescription()));
            } catch (MidiUnavailableException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "MIDI device " + info.getName() + " is not usable", e);
            }
        }
        return inputs;
    }

    @Override
    public Connection connect(MidiInputInfo device, Receiver to) throws MidiUnavailableException {
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            if (!new MidiInputInfo(info.getName(), info.getVendor(), info.getDescription()).equals(device)) continue;
            MidiDevice d = MidiSystem.getMidiDevice(info);
            if (d instanceof Sequencer || d instanceof Synthesizer || d.getMaxTransmitters() == 0) continue;
            d.open();
            try {
                Transmitter t = d.getTransmitter();
                t.setReceiver(new Receiver() {
                    @Override
                    public void send(MidiMessage message, long timeStamp) {
                        to.send(message, -1);
                    }

                    @Override
                    public void close() {
                        // the connection closes the device
                    }
                });
                return new Connection() {
                    @Override
                    public MidiInputInfo device() {
                        return device;
                    }

                    @Override
                    public void close() {
                        t.close();
                        d.close();
                    }
                };
            } catch (MidiUnavailableException | RuntimeException e) {
                d.close();
                throw e;
            }
        }
        throw new MidiUnavailableException("the MIDI input " + device.label() + " is not connected any more");
    }
}
