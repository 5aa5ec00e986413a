# Sourced by the bench scripts: sets $java to a JDK >= 25 (JAVA_HOME first, then /usr/lib/jvm).
java=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] &&
     "$candidate/bin/java" -XshowSettings:properties -version 2>&1 | grep -Eq 'java.specification.version = (2[5-9]|[3-9][0-9])'; then
    java="$candidate/bin/java"; break
  fi
done
[ -n "$java" ] || { echo "$0: needs a JDK >= 25 (set JAVA_HOME)" >&2; exit 2; }
# The JVM options pom.xml gives the site build; the benchmarks give them to every JVM they time,
# stock JBake included, so that comparisons are between programs, not JVM settings. Our build
# also gets pom.xml's heap limit; stock JBake keeps the default heap (a limit would only slow it).
jvm_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
build_flags=("${jvm_flags[@]}" -Xmx512m)
