package org.melodist.studio;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A panel's latest message for the status bar. Saying the same text again still reaches listeners (the
 * status bar may show another panel's message by then), which a plain property set would not.
 */
public final class StatusMessage {

    private final ReadOnlyStringWrapper text;

    /** {@code bean} is the ViewModel whose {@code message} property this is. */
    public StatusMessage(Object bean) {
        text = new ReadOnlyStringWrapper(bean, "message", "");
    }

    public void say(String message) {
        text.set("");
        text.set(message);
    }

    public ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }
}
