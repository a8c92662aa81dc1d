# SAM build targets (template.yaml: `Metadata: BuildMethod: makefile, ContextPath: .`).
#
# `sam build` runs `make build-<LogicalId>` with ARTIFACTS_DIR set, in a copy of the function's
# CodeUri folder (or in place with --build-in-source, which samconfig.toml turns on). The
# function modules need the parent pom and the feedback module, so Maven always runs here, at
# the repository root, whatever the working directory. The shaded jar goes to
# ARTIFACTS_DIR/lib/, which Lambda's Java runtime puts on the class path (as SAM's own Maven
# builder does with dependency jars). Copying one jar instead of unpacking ~13,000 class files
# keeps `sam build` and its clean-up fast; Lambda's 250 MB limit counts the jar as it is.
#
# A jar is rebuilt only when a source or pom it depends on is newer than it, so the analyze jar
# is built once for AnalyzeFunction and ThemesFunction, and jars already built by
# `mvn -B verify` (CI) or `mvn -B package` are reused. `make -B build-<LogicalId>` or
# `mvn clean` forces a rebuild.

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
MVN ?= mvn
MVN_FLAGS ?= -B -q -DskipTests

INGEST_JAR  := $(ROOT)/functions/ingest/target/ingest-function.jar
ANALYZE_JAR := $(ROOT)/functions/analyze/target/analyze-function.jar
DIGEST_JAR  := $(ROOT)/functions/digest/target/digest-function.jar

# What every function jar depends on: the parent build and the shared feedback module.
COMMON_SRC := $(ROOT)/pom.xml $(ROOT)/functions/feedback/pom.xml \
	$(shell find $(ROOT)/functions/feedback/src/main -type f 2>/dev/null)
module_src = $(ROOT)/functions/$(1)/pom.xml $(shell find $(ROOT)/functions/$(1)/src/main -type f 2>/dev/null)

.PHONY: build-IngestFunction build-AnalyzeFunction build-ThemesFunction build-DigestFunction build-AlertsFunction build-ReadApiFunction \
	build-DigestReadFunction \
	function-jars check-artifacts

$(INGEST_JAR): $(COMMON_SRC) $(call module_src,ingest)
	cd $(ROOT) && $(MVN) $(MVN_FLAGS) -pl functions/ingest -am package

$(ANALYZE_JAR): $(COMMON_SRC) $(call module_src,analyze)
	cd $(ROOT) && $(MVN) $(MVN_FLAGS) -pl functions/analyze -am package

$(DIGEST_JAR): $(COMMON_SRC) $(call module_src,digest)
	cd $(ROOT) && $(MVN) $(MVN_FLAGS) -pl functions/digest -am package

# Puts a shaded jar into ARTIFACTS_DIR/lib (sam build zips ARTIFACTS_DIR for deployment).
define install_jar
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (run through sam build)" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp "$(1)" "$(ARTIFACTS_DIR)/lib/"
endef

build-IngestFunction: $(INGEST_JAR)
	$(call install_jar,$(INGEST_JAR))

build-AnalyzeFunction: $(ANALYZE_JAR)
	$(call install_jar,$(ANALYZE_JAR))

build-ThemesFunction: $(ANALYZE_JAR)
	$(call install_jar,$(ANALYZE_JAR))

build-ReadApiFunction: $(ANALYZE_JAR)
	$(call install_jar,$(ANALYZE_JAR))

build-DigestFunction: $(DIGEST_JAR)
	$(call install_jar,$(DIGEST_JAR))

build-AlertsFunction build-DigestReadFunction: $(DIGEST_JAR)
	$(call install_jar,$(DIGEST_JAR))

# All three jars in one Maven run (one reactor, feedback built once); `sam build` then only copies them.
function-jars:
	cd $(ROOT) && $(MVN) $(MVN_FLAGS) -pl functions/ingest,functions/analyze,functions/digest -am package

# Size and content checks of what `sam build` produced (.ci/run calls this).
check-artifacts:
	python3 $(ROOT)/.ci/check_artifacts.py $(ROOT)/.aws-sam/build
