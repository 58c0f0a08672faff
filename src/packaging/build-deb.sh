#!/usr/bin/env bash
# Builds the Debian package of AE Workbench with JDK 17's jpackage: a runtime trimmed by jlink to
# the modules the app uses (the incubating Vector API and foreign linker included), the shaded jar,
# the icon, a desktop entry in the Education and Science menus, and the .aewb file association.
#
#   src/packaging/build-deb.sh          # -> target/installer/ae-workbench_0.1.0_amd64.deb
#
# Needs a JDK 17 (jlink, jpackage) and dpkg-deb and fakeroot (apt-get install -y fakeroot).
# mvn -Pinstaller package runs this script after packaging the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=0.1.0
OUT=target/installer
JAR=target/ae-workbench.jar
if [ "${SKIP_JAR:-}" != 1 ]; then
  mvn -q -DskipTests package
fi
[ -f "$JAR" ] || { echo "build-deb: $JAR is missing; run mvn -DskipTests package first" >&2; exit 1; }
for tool in jlink jpackage dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (fakeroot: apt-get install -y fakeroot)" >&2; exit 1; }
done
rm -rf target/jpackage "$OUT"
mkdir -p target/jpackage/input "$OUT"
cp "$JAR" target/jpackage/input/
# What jdeps finds in the jar (java.base, java.management, java.prefs, java.sql, jdk.jfr,
# jdk.unsupported, jdk.unsupported.desktop, the two incubator modules), and what it cannot see:
# java.desktop for images, java.logging for the log, java.xml, java.naming and jdk.crypto.ec for
# what the libraries load by name, jdk.zipfs for project files, jdk.jsobject for JavaFX.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.jsobject,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs,jdk.incubator.vector,jdk.incubator.foreign
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output target/jpackage/runtime
jpackage --type deb --dest "$OUT" \
  --name "AE Workbench" --linux-package-name ae-workbench --app-version "$VERSION" \
  --description "Design, train and take apart autoencoders" \
  --vendor "AE Workbench" --copyright "AE Workbench contributors" \
  --input target/jpackage/input --main-jar ae-workbench.jar --main-class org.aeworkbench.Launcher \
  --runtime-image target/jpackage/runtime \
  --java-options "--add-modules=jdk.incubator.vector,jdk.incubator.foreign" \
  --java-options "--enable-native-access=ALL-UNNAMED" \
  --java-options "-XX:MaxRAMPercentage=60" \
  --icon assets/icon.png \
  --file-associations src/packaging/aewb.properties \
  --resource-dir src/packaging/linux \
  --linux-shortcut --linux-menu-group "Education;Science" --linux-app-category science \
  --linux-deb-maintainer "ae-workbench@localhost"
# jpackage 17's own desktop entry runs the launcher without the file (no %f in Exec), so a
# double-clicked project would open the sample instead; src/packaging/linux holds the entry with it.
entry=$(dpkg-deb --fsys-tarfile "$OUT"/*.deb | tar -xO --wildcards --no-wildcards-match-slash './opt/ae-workbench/lib/*.desktop')
grep -q '^Exec=.* %f$' <<<"$entry" \
  || { echo "build-deb: the desktop entry does not pass the double-clicked file (%f):" >&2; echo "$entry" >&2; exit 1; }
ls -l "$OUT"
