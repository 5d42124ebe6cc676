#!/usr/bin/env bash
# Makes the class-data-sharing archive (AppCDS) of an installed or built Melodist app image: the classes
# that `melodist analyze` loads, pre-parsed, so that short command-line runs start sooner. The JVM only
# uses an archive made with the same runtime and the same jar paths, so this runs where the app lives:
# at build time for the app image (installer/build.sh) and at install time for the .deb (postinst).
#
#   installer/appcds.sh APP_DIR ARCHIVE     e.g. installer/appcds.sh /opt/melodist /opt/melodist/lib/app/melodist.jsa
#
# The workload renders the bundled demo tune and analyses the WAV; nothing is written outside a
# temporary folder but the archive. A failure leaves no archive, and the app then runs without one.
set -euo pipefail

APP="${1:?usage: appcds.sh APP_DIR ARCHIVE}"
JSA="${2:?usage: appcds.sh APP_DIR ARCHIVE}"
LAUNCHER="$APP/bin/melodist"
DEMO="$APP/lib/app/demo/demo-jig.mid"
[[ -x "$LAUNCHER" ]] || { echo "appcds.sh: no launcher at $LAUNCHER" >&2; exit 2; }
[[ -f "$DEMO" ]] || { echo "appcds.sh: no demo tune at $DEMO" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
rm -f "$JSA"
# HOME points into the work folder so that the workload leaves no settings behind in the caller's home.
HOME="$WORK" "$LAUNCHER" render "$DEMO" --out "$WORK/demo.wav" >/dev/null
# The archive is made by the image's own java with exactly the launcher's class path and options (read
# from its .cfg), because the JVM checks them when it maps the archive. The launcher itself cannot make
# it: its -XX:SharedArchiveFile names this very archive, and a dump needs the runtime's base archive.
CFG="$APP/lib/app/melodist.cfg"
APPDIR="$APP/lib/app"
CLASSPATH_LINE="$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s|\$APPDIR|$APPDIR|g" | paste -sd: -)"
MAIN_CLASS="$(sed -n 's/^app\.mainclass=//p' "$CFG")"
mapfile -t JAVA_OPTS < <(sed -n 's/^java-options=//p' "$CFG" | grep -v -e '^-XX:SharedArchiveFile=' -e '^-Xlog:cds')
if HOME="$WORK" "$APP/lib/runtime/bin/java" "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/melodist.jsa" \
    -cp "$CLASSPATH_LINE" "$MAIN_CLASS" analyze "$WORK/demo.wav" --json >/dev/null 2>"$WORK/dump.log" \
    && [[ -s "$WORK/melodist.jsa" ]]; then
  mv "$WORK/melodist.jsa" "$JSA"
  echo "AppCDS archive: $JSA ($(du -h "$JSA" | cut -f1))"
else
  echo "appcds.sh: could not make the archive; the app runs without it" >&2
  grep -v '^Picked up JAVA_TOOL_OPTIONS' "$WORK/dump.log" | head -5 >&2 || true
  exit 1
fi
