package org.melodist.studio.tracks;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The track list: select the edited track; mute (M) and solo (S) per track. */
public final class TrackListView extends BorderPane {

    private final ListView<TrackListViewModel.TrackRow> list;
    private boolean syncing;

    public TrackListView(TrackListViewModel vm) {
        getStyleClass().add("track-list");
        Label title = new Label("Tracks");
        title.getStyleClass().add("panel-title");
        setTop(title);
        list = new ListView<>(vm.rows());
        list.setId("track-list");
        list.setCellFactory(v -> new TrackCell());
        list.setPrefWidth(210);
        setMinWidth(190);
        setCenter(list);
        list.getSelectionModel().selectedIndexProperty().addListener((obs, o, n) -> {
            if (!syncing && n.intValue() >= 0) vm.editedTrackProperty().set(n.intValue());
        });
        vm.editedTrackProperty().addListener((obs, o, n) -> select(n.intValue()));
        vm.rows().addListener((javafx.collections.ListChangeListener<TrackListViewModel.TrackRow>) c ->
                select(vm.editedTrackProperty().get()));
        select(vm.editedTrackProperty().get());
    }

    private void select(int index) {
        syncing = true;
        try {
            if (index >= 0 && index < list.getItems().size()) list.getSelectionModel().select(index);
        } finally {
            syncing = false;
        }
    }

    private static final class TrackCell extends ListCell<TrackListViewModel.TrackRow> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final ToggleButton mute = new ToggleButton("M");
        private final ToggleButton solo = new ToggleButton("S");
        private final HBox box;
        private TrackListViewModel.TrackRow bound;

        TrackCell() {
            detail.getStyleClass().add("track-detail");
            name.getStyleClass().add("track-name");
            mute.getStyleClass().add("mute-button");
            solo.getStyleClass().add("solo-button");
            mute.setTooltip(new Tooltip("Mute"));
            solo.setTooltip(new Tooltip("Solo"));
            // the buttons keep their size; a long name or instrument gives way with an ellipsis
            mute.setMinWidth(Region.USE_PREF_SIZE);
            solo.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            detail.setMinWidth(0);
            detail.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            VBox text = new VBox(1, name, detail);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(4, text, mute, solo);
            box.setPadding(new Insets(2, 0, 2, 0));
            // a cell is as wide as the list, never wider: no sideways scrolling, Solo always in view
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TrackListViewModel.TrackRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                mute.selectedProperty().unbindBidirectional(bound.muteProperty());
                solo.selectedProperty().unbindBidirectional(bound.soloProperty());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(row.name());
            detail.setText(row.instrument() + " · " + row.noteCount() + " notes");
            mute.selectedProperty().bindBidirectional(row.muteProperty());
            solo.selectedProperty().bindBidirectional(row.soloProperty());
            bound = row;
            setText(null);
            setGraphic(box);
        }
    }
}
