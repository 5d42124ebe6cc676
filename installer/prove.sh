#!/usr/bin/env bash
# Proves the Debian package end to end on this machine: build it, install it with dpkg, use it as an
# ordinary (non-root) user with a fresh home -- CLI commands, DJL's libtorch, the studio window under
# Xvfb with a screenshot -- check that the install folder was never written to, then uninstall and
# check that nothing is left. Exits 0 with a printed reason when the tools it needs are missing.
#
#   installer/prove.sh                        # builds first (installer/build.sh)
#   MELODIST_SKIP_BUILD=1 installer/prove.sh  # reuse target/installer/melodist_*.deb
#
# Needs root or password-less sudo (dpkg -i, a throw-away user). Writes target/installer/installed.png
# and target/installer/prove-report.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/target/installer"
DISPLAY_NUM="${MELODIST_PROVE_DISPLAY:-47}"
PROVER="melodist-prove"
INSTALL_DIR=/opt/melodist

skip() { echo "prove.sh: SKIPPED: $*"; exit 0; }
fail() { echo "prove.sh: FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

for tool in dpkg dpkg-deb fakeroot jpackage jlink javac; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done
if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    exec sudo -n --preserve-env=MELODIST_SKIP_BUILD,MELODIST_SKIP_MAVEN,MELODIST_PROVE_DISPLAY,JAVA_HOME,DPKG_DEB_COMPRESSOR_TYPE "$0" "$@"
  fi
  skip "not root and password-less sudo is unavailable (installing a .deb needs root)"
fi
for tool in useradd userdel runuser; do
  command -v "$tool" >/dev/null || skip "$tool is missing (the proof runs the app as a fresh user)"
done
GUI=1
for tool in Xvfb xwininfo import; do
  command -v "$tool" >/dev/null || { GUI=0; echo "prove.sh: no $tool: the window check and screenshot are skipped"; }
done

if dpkg -s melodist >/dev/null 2>&1; then
  fail "a melodist package is already installed; remove it first (dpkg -r melodist)"
fi

if [[ "${MELODIST_SKIP_BUILD:-0}" != 1 ]]; then
  step "Build"
  installer/build.sh
fi
DEB="$(ls "$OUT"/melodist_*.deb 2>/dev/null | head -1)"
[[ -f "$DEB" ]] || fail "no .deb in $OUT (run installer/build.sh)"

REPORT="$OUT/prove-report.txt"
: >"$REPORT"
note() { echo "$*" | tee -a "$REPORT"; }

step "Package"
dpkg-deb -I "$DEB" | sed -n '/Package:/,$p'
note "deb: $(basename "$DEB") $(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes)"
# dpkg -i does not fetch dependencies; list the ones this machine lacks instead of failing mid-install
MISSING=()
for dep in $(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/|.*//' | tr -d ' '); do
  dpkg -s "$dep" >/dev/null 2>&1 || MISSING+=("$dep")
done
if ((${#MISSING[@]})); then
  if command -v apt-get >/dev/null && apt-get install -y --no-install-recommends "${MISSING[@]}" >/dev/null 2>&1; then
    echo "installed missing dependencies: ${MISSING[*]}"
  else
    skip "the package depends on ${MISSING[*]}, which are not installed and apt-get could not install them"
  fi
fi

cleanup() {
  set +e
  [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null
  [[ -n "${XVFB_PID:-}" ]] && kill "$XVFB_PID" 2>/dev/null
  if dpkg -s melodist >/dev/null 2>&1; then dpkg --purge melodist >/dev/null 2>&1; fi
  id "$PROVER" >/dev/null 2>&1 && userdel -r "$PROVER" >/dev/null 2>&1
  [[ -n "${WORK:-}" ]] && rm -rf "$WORK"
}
trap cleanup EXIT

# Names of what the package and its scripts may touch outside /opt, to compare after the purge
system_state() {
  for d in /usr/share/applications /usr/share/mime/packages /usr/share/desktop-directories /var/lib/melodist; do
    if [[ -d "$d" ]]; then find "$d" -maxdepth 1 | sort; else echo "absent $d"; fi
  done
  for f in /usr/bin/melodist /opt/melodist; do [[ -e "$f" || -L "$f" ]] && echo "present $f"; done
  true
}
SYSTEM_BEFORE="$(system_state)"

step "Install (dpkg -i)"
dpkg -i "$DEB"
[[ -x "$INSTALL_DIR/bin/melodist" ]] || fail "$INSTALL_DIR/bin/melodist was not installed"
[[ "$(readlink -f /usr/bin/melodist)" == "$INSTALL_DIR/bin/melodist" ]] || fail "/usr/bin/melodist does not point at the launcher"
DESKTOP_FILE="$(ls /usr/share/applications/melodist*.desktop 2>/dev/null | head -1)"
[[ -n "$DESKTOP_FILE" ]] || fail "no desktop entry in /usr/share/applications"
grep -q '^MimeType=.*audio/midi' "$DESKTOP_FILE" || fail "$DESKTOP_FILE does not declare audio/midi"
ls /usr/share/mime/packages/melodist*-MimeInfo.xml >/dev/null 2>&1 || fail "the .mid MIME association was not registered"
# models/ beside the jar, where AppPaths looks first
diff <(cd models && find . -type f | sort) <(cd "$INSTALL_DIR/lib/app/models" && find . -type f | sort) \
  || fail "$INSTALL_DIR/lib/app/models differs from the project's models/"
note "installed: $(du -sh "$INSTALL_DIR" | cut -f1) in $INSTALL_DIR; desktop entry $DESKTOP_FILE; models: $(cd models && find . -type f | wc -l) files"
note "installed files: $(dpkg -L melodist | wc -l) paths"
sed 's/^/  /' "$DESKTOP_FILE"

# Fingerprint of the install folder (every path, size, mode and mtime), compared after use
fingerprint() { find "$INSTALL_DIR" -printf '%p %s %m %T@\n' | sort; }
WORK="$(mktemp -d)"
chmod 755 "$WORK"
fingerprint >"$WORK/before.txt"

step "A fresh user"
useradd --create-home --shell /bin/bash "$PROVER"
HOME_DIR="$(getent passwd "$PROVER" | cut -d: -f6)"
as_user() { runuser -u "$PROVER" -- env -i HOME="$HOME_DIR" USER="$PROVER" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
cp assets/demo/demo-jig.mid "$WORK/demo-jig.mid"
chmod 644 "$WORK/demo-jig.mid"
chown "$PROVER" "$WORK"
# first, warm the page cache the way a second start would find it, then time three starts
as_user melodist --help >/dev/null
best=""
for _ in 1 2 3; do
  t0=$(date +%s%N); as_user melodist --help >/dev/null; t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 )); [[ -z "$best" || $ms -lt $best ]] && best=$ms
done
note "CLI start-up (melodist --help, best of 3): ${best} ms"

step "melodist --help"
as_user melodist --help | tee "$WORK/help.txt"
step "melodist midi-info"
as_user melodist midi-info "$WORK/demo-jig.mid" | tee "$WORK/midi-info.txt"
grep -q 'demo-jig.mid: 480 ticks per quarter' "$WORK/midi-info.txt" || fail "midi-info did not describe the demo song"

has_command() { grep -qE "^ +$1( |$)" "$WORK/help.txt"; }
if has_command generate; then
  step "melodist generate"
  t0=$(date +%s%N)
  as_user melodist generate --notes "C4 D4 E4 G4" --out "$WORK/x.mid"
  t1=$(date +%s%N)
  [[ -s "$WORK/x.mid" ]] || fail "generate wrote no MIDI file"
  as_user melodist midi-info "$WORK/x.mid"
  note "generate: ok in $(( (t1 - t0) / 1000000 )) ms (first run, libtorch unpacked into the new home)"
else
  note "generate: not in this build's CLI, skipped"
fi
AUDIO=""
if has_command render; then
  step "melodist render"
  # Gervill's offline rendering needs the launcher's --add-exports and the runtime's java.desktop
  as_user melodist render "$WORK/demo-jig.mid" --out "$WORK/demo-jig.wav"
  [[ -s "$WORK/demo-jig.wav" ]] || fail "render wrote no WAV file"
  AUDIO="$WORK/demo-jig.wav"
  note "render: ok, $(stat -c %s "$AUDIO") bytes of WAV from the demo song"
else
  note "render: not in this build's CLI, skipped"
fi
if has_command analyze; then
  if [[ -n "$AUDIO" ]]; then
    step "melodist analyze"
    as_user melodist analyze "$AUDIO" | tee "$WORK/analyze.txt"
    [[ -s "$WORK/analyze.txt" ]] || fail "analyze printed nothing"
    note "analyze: ok on the rendered demo song"
  else
    note "analyze: no render command to make audio from the demo song, skipped"
  fi
else
  note "analyze: not in this build's CLI, skipped"
fi

step "DJL PyTorch engine on the installed runtime"
# Compiled here against the installed jars, run on the installed (jlink'd) runtime as the fresh user:
# shows that the runtime has the modules DJL needs and that libtorch unpacks under the user's home.
javac -d "$WORK/probe" -cp "$INSTALL_DIR/lib/app/lib/*" installer/probe/DjlProbe.java
as_user "$INSTALL_DIR/lib/runtime/bin/java" -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "$WORK/probe:$INSTALL_DIR/lib/app/lib/*" DjlProbe | tee "$WORK/djl.txt"
grep -q "natives cache $HOME_DIR/.djl.ai" "$WORK/djl.txt" || fail "libtorch was not unpacked under the user's home"
note "djl: $(cat "$WORK/djl.txt")"

if ((GUI)); then
  step "Studio window under Xvfb :$DISPLAY_NUM"
  runuser -u "$PROVER" -- Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$DISPLAY_NUM ]] && break; sleep 0.1; done
  # a top-level window whose title starts with Melodist (not GTK's hidden 'melodist' leader window,
  # whose WM_CLASS also says Melodist)
  TITLE_RE='^ +0x[0-9a-f]+ "Melodist'
  start_window() {  # $@: launcher arguments; sets APP_PID and WINDOW_MS
    local t0 t1
    t0=$(date +%s%N)
    runuser -u "$PROVER" -- env -i HOME="$HOME_DIR" USER="$PROVER" PATH=/usr/bin:/bin LANG=C.UTF-8 \
      DISPLAY=":$DISPLAY_NUM" melodist "$@" >"$WORK/gui.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 600); do
      if DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree 2>/dev/null | grep -qE "$TITLE_RE"; then
        t1=$(date +%s%N); WINDOW_MS=$(( (t1 - t0) / 1000000 )); return 0
      fi
      kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/gui.log"; fail "the studio exited before showing a window"; }
      sleep 0.1
    done
    cat "$WORK/gui.log"; fail "no Melodist window within 60 s"
  }
  stop_window() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
  start_window
  note "studio start-up (launch to first 'Melodist' window, first start for this user): ${WINDOW_MS} ms"
  sleep 3  # let the first frames render before the screenshot
  WIN_ID="$(DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree | grep -E "$TITLE_RE" | head -1 | awk '{print $1}')"
  DISPLAY=":$DISPLAY_NUM" import -window root "$OUT/installed.png"
  note "screenshot: $OUT/installed.png (window $WIN_ID)"
  stop_window
  start_window
  note "studio start-up (second start): ${WINDOW_MS} ms"
  stop_window
  # what a file manager does for the .mid association: the launcher with the file's path
  start_window "$WORK/demo-jig.mid"
  note "open with a .mid file: window shown in ${WINDOW_MS} ms"
  stop_window
  kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=""
fi

step "Install folder untouched"
fingerprint >"$WORK/after.txt"
if ! diff "$WORK/before.txt" "$WORK/after.txt"; then
  fail "the app changed files under $INSTALL_DIR"
fi
note "install folder: unchanged after use ($(wc -l <"$WORK/after.txt") paths)"
note "user's home after use: $(cd "$HOME_DIR" && find . -maxdepth 2 -mindepth 1 \( -name '.*' -o -type d \) | sort | paste -sd' ' -)"

step "Uninstall (dpkg -r, then --purge)"
dpkg -r melodist
dpkg --purge melodist
LEFT=()
[[ -e "$INSTALL_DIR" ]] && LEFT+=("$INSTALL_DIR")
[[ -e /usr/bin/melodist || -L /usr/bin/melodist ]] && LEFT+=(/usr/bin/melodist)
for f in /usr/share/applications/melodist*.desktop; do [[ -e "$f" ]] && LEFT+=("$f"); done
dpkg -s melodist >/dev/null 2>&1 && LEFT+=("dpkg still lists melodist")
if [[ "$(system_state)" != "$SYSTEM_BEFORE" ]]; then
  diff <(echo "$SYSTEM_BEFORE") <(system_state) || true
  LEFT+=("changes outside /opt (above)")
fi
((${#LEFT[@]} == 0)) || fail "left behind after uninstall: ${LEFT[*]}"
note "uninstall: clean (no $INSTALL_DIR, no /usr/bin/melodist, desktop entry and MIME package gone, system folders as before, no dpkg record)"

printf '\n== Summary\n'
cat "$REPORT"
echo "prove.sh: PASSED"
