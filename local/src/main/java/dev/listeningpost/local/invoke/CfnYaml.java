package dev.listeningpost.local.invoke;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation YAML. Short-form intrinsics keep their meaning in the long form
 * ({@code !Ref X} becomes {@code {Ref: X}}, {@code !GetAtt A.B} becomes {@code {Fn::GetAtt: A.B}}),
 * so a reader can resolve the ones it understands instead of seeing plain strings.
 */
public final class CfnYaml {
  private CfnYaml() {
  }

  public static Map<String, Object> load(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return load(in);
    }
  }

  public static Map<String, Object> load(Reader in) {
    return new Yaml(new IntrinsicsConstructor()).load(in);
  }

  private static final class IntrinsicsConstructor extends SafeConstructor {
    IntrinsicsConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(null, new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String tag = node.getTag().getValue();
          Object value = node instanceof ScalarNode scalar ? constructScalar(scalar)
              : node instanceof SequenceNode seq ? constructSequence(seq)
              : constructMapping((MappingNode) node);
          if (!tag.startsWith("!")) {
            return value;
          }
          String name = tag.substring(1);
          return Map.of(name.equals("Ref") ? "Ref" : "Fn::" + name, value);
        }
      });
    }
  }
}
