#!/usr/bin/env bash
# Builds Melodist's desktop packages: a trimmed Java runtime (jlink), an app image and a Debian
# package (jpackage). Output goes to target/installer/ (app image in target/installer/melodist/,
# the .deb beside it). Usage, from anywhere:
#
#   installer/build.sh              # Maven package, runtime, app image and .deb
#   installer/build.sh app-image    # stop after the app image (no dpkg/fakeroot needed)
#
# MELODIST_SKIP_MAVEN=1 reuses target/melodist.jar and target/lib from an earlier build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TYPES="${1:-all}"
OUT="target/installer"
NAME="melodist"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"

command -v zip >/dev/null || { echo "build.sh: zip is missing" >&2; exit 2; }
for tool in jlink jdeps jpackage; do
  if [[ ! -x "$JAVA_HOME/bin/$tool" ]]; then
    echo "build.sh: $tool not found in JAVA_HOME=$JAVA_HOME (needs a full JDK 17)" >&2
    exit 2
  fi
done

step() { printf '\n== %s\n' "$*"; }

if [[ "${MELODIST_SKIP_MAVEN:-0}" != 1 ]]; then
  step "Maven package"
  mvn -B -o -q package -DskipTests
fi
[[ -f target/melodist.jar && -d target/lib ]] || { echo "build.sh: target/melodist.jar or target/lib missing" >&2; exit 2; }

# jpackage wants a purely numeric version (1 to 3 dot-separated numbers): 0.1.0-SNAPSHOT -> 0.1.0
POM_VERSION="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
APP_VERSION="$(grep -oE '^[0-9]+(\.[0-9]+){0,2}' <<<"$POM_VERSION")"
[[ -n "$APP_VERSION" ]] || { echo "build.sh: cannot read a version from pom.xml" >&2; exit 2; }
echo "version: pom $POM_VERSION -> package $APP_VERSION"

rm -rf "$OUT"
mkdir -p "$OUT"

step "Runtime modules (jdeps)"
# Named modules (JavaFX, ControlsFX, ...) would make jdeps resolve their module graphs, which fails on
# optional requirements that are not shipped (e.g. commons-lang3); the app runs everything from the
# class path, so analyse copies with their module descriptors removed.
JDEPS_DIR="$OUT/jdeps"
mkdir -p "$JDEPS_DIR"
cp target/melodist.jar target/lib/*.jar "$JDEPS_DIR/"
for jar in "$JDEPS_DIR"/*.jar; do
  zip -q -d "$jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
FOUND_MODULES="$("$JAVA_HOME/bin/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$JDEPS_DIR/*" "$JDEPS_DIR"/*.jar)"
rm -rf "$JDEPS_DIR"
# Modules reached by reflection or service loading, which jdeps cannot see:
#   java.desktop      javax.sound (Gervill, MIDI, audio SPIs) and AWT/ImageIO for snapshots
#   java.prefs        java.util.prefs, which libraries may probe (Melodist keeps its settings in a plain file)
#   java.naming       JNDI lookups some libraries probe for (slf4j/jackson optional paths)
#   java.net.http     required by ControlsFX's module descriptor
#   java.scripting    javax.script probed by libraries at run time
#   jdk.zipfs         zip file systems (opening jars/zips as FileSystems: DJL model archives)
#   jdk.charsets      non-UTF text encodings in MIDI meta events and audio tags
#   jdk.crypto.ec     standard security providers (TLS-free, but MessageDigest/KeyStore setups probe it)
#   jdk.localedata    number/date formatting in the user's locale
EXTRA_MODULES="java.desktop,java.logging,java.xml,java.prefs,java.naming,java.net.http,java.scripting,jdk.zipfs,jdk.charsets,jdk.crypto.ec,jdk.localedata"
MODULES="$(tr ',' '\n' <<<"$FOUND_MODULES,$EXTRA_MODULES" | sort -u | paste -sd, -)"
echo "jdeps found: $FOUND_MODULES"
echo "runtime modules: $MODULES"
echo "$MODULES" >"$OUT/modules.txt"

step "jlink"
# --generate-cds-archive: the runtime's own class-data-sharing archive of the JDK classes, which the
# app's archive below builds on (a dynamic archive needs a base archive from the same runtime).
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --output "$OUT/runtime" \
  --generate-cds-archive \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --include-locales=en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,cs,ja,zh,ko,ru

step "App image (jpackage)"
INPUT="$OUT/input"
mkdir -p "$INPUT"
cp target/melodist.jar "$INPUT/"
cp -r target/lib "$INPUT/lib"
# AppPaths looks for models/ beside the jar: /opt/melodist/lib/app/models once installed
cp -r models "$INPUT/models"
# The demo tune: something to open at once, and the workload that makes the AppCDS archive
cp -r assets/demo "$INPUT/demo"
cp installer/appcds.sh "$INPUT/appcds.sh"

# Same JVM settings the tests and the jar manifest rely on. DJL stays offline and keeps its libtorch
# cache under the user's home (~/.djl.ai, DJL's default); nothing is written to the install folder.
JAVA_OPTIONS=(
  --java-options "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED"
  --java-options "-Dai.djl.offline=true"
  --java-options "-DOPT_OUT_TRACKING=true"
  --java-options "-Xmx2g"
  # AppCDS: classes of the app and its libraries pre-parsed in an archive made below; when the archive
  # is missing or does not match (other paths, other runtime) the JVM silently loads classes normally.
  --java-options "-XX:SharedArchiveFile=\$APPDIR/melodist.jsa"
  --java-options "-Xlog:cds=off,cds+dynamic=off"
)
COMMON=(
  --name "$NAME"
  --app-version "$APP_VERSION"
  --vendor "Melodist project"
  --copyright "Copyright (C) Melodist contributors, GPL-3.0"
  --description "Composing studio: piano roll, LSTM melody continuation, MIDI playback and audio analysis"
  --dest "$OUT"
)
"$JAVA_HOME/bin/jpackage" --type app-image "${COMMON[@]}" \
  --runtime-image "$OUT/runtime" \
  --input "$INPUT" \
  --main-jar melodist.jar \
  --main-class org.melodist.Launcher \
  --icon assets/icons/melodist-256.png \
  "${JAVA_OPTIONS[@]}"
rm -rf "$INPUT"

step "Class-data-sharing archive (AppCDS)"
# The archive records the class path it was made with, so it is made where the app will run: here for
# the app image, and again by the .deb's postinst under /opt (installer/resources/postinst).
installer/appcds.sh "$OUT/$NAME" "$OUT/$NAME/lib/app/melodist.jsa"
echo "app image: $OUT/$NAME ($(du -sh "$OUT/$NAME" | cut -f1))"

if [[ "$TYPES" == app-image ]]; then
  echo; echo "built in ${SECONDS} s"
  exit 0
fi

for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing; cannot build the .deb" >&2; exit 2; }
done

step "Debian package (jpackage)"
# resources/: postinst/prerm put the CLI on the PATH (/usr/bin/melodist) next to jpackage's own
# desktop-menu and MIME registration. JavaFX's and libtorch's native libraries are inside jars, so
# jpackage cannot see what they link against: their system libraries are listed by hand.
"$JAVA_HOME/bin/jpackage" --type deb "${COMMON[@]}" \
  --app-image "$OUT/$NAME" \
  --install-dir /opt \
  --resource-dir installer/resources \
  --icon assets/icons/melodist-256.png \
  --license-file LICENSE \
  --file-associations installer/mid-association.properties \
  --linux-package-name "$NAME" \
  --linux-deb-maintainer "melodist@users.noreply.github.com" \
  --linux-app-category sound \
  --linux-menu-group "AudioVideo;Audio;Midi;" \
  --linux-shortcut \
  --linux-package-deps "libgtk-3-0"

DEB="$(ls "$OUT"/${NAME}_*.deb)"
echo "deb: $DEB ($(du -h "$DEB" | cut -f1))"
echo; echo "built in ${SECONDS} s"
