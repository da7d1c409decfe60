package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Severity;
import dev.umzug.providers.profile.AnnotationMatch;
import dev.umzug.providers.profile.LbFeature;
import dev.umzug.providers.profile.LoadBalancerFacet;
import dev.umzug.providers.rules.support.Facets;
import dev.umzug.providers.rules.support.Meta;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What the load-balancer rules share: they look at Services and need both profiles' facet. */
abstract class LoadBalancerRuleBase implements RewriteRule {

  @Override
  public final ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Service");
  }

  @Override
  public final boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, LoadBalancerFacet.class);
  }

  static boolean isLoadBalancer(ResourceView service) {
    return "LoadBalancer".equals(service.text(JsonPointer.of("spec", "type")).orElse(""));
  }

  /**
   * How a rule words the carrying over of one load-balancer feature (internal, PROXY protocol).
   *
   * @param name what the feature is called in messages, e.g. {@code internal load balancer}
   * @param whenMissing the severity when the target lacks the feature
   * @param missing what happens without it, with {@code %s} for the target's name
   * @param keptAdvice appended when the feature is kept, e.g. a setting to check; may be empty
   * @param unconfirmedIsRisky whether keeping it on an unconfirmed target fact is a warning
   * @param unconfirmedRemedy what to check then, with {@code %s} for the target's name
   */
  record Wording(
      String name, Severity whenMissing, String missing, String keptAdvice,
      boolean unconfirmedIsRisky, String unconfirmedRemedy) {}

  /**
   * Carries a feature over: writes the target's annotations for it, or reports that the target
   * lacks it. The source annotation itself is removed by {@code strip-load-balancer-annotations}.
   */
  final RewriteResult mapFeature(
      ResourceView resource, RewriteContext context,
      Function<LoadBalancerFacet, LbFeature> feature, Wording wording) {
    if (!isLoadBalancer(resource)) {
      return RewriteResult.unchanged();
    }
    Map<String, String> annotations = resource.annotations();
    Optional<AnnotationMatch> marker =
        feature.apply(Facets.source(context, LoadBalancerFacet.class)).recognisedIn(annotations);
    if (marker.isEmpty()) {
      return RewriteResult.unchanged();
    }
    String cause = wording.name() + " (" + marker.get().key() + ": " + annotations.get(marker.get().key()) + ")";
    LbFeature target = feature.apply(Facets.target(context, LoadBalancerFacet.class));
    String targetName = context.target().displayName();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (!target.supported()) {
      return result
          .finding(wording.whenMissing(),
              cause + " " + String.format(wording.missing(), targetName) + target.confidence().caveat(),
              target.remediation())
          .build();
    }
    target.annotations().forEach((k, v) -> result.patch(PatchOp.add(Meta.annotation(k), v)));
    String message = cause + " kept with " + target.annotations() + wording.keptAdvice() + target.confidence().caveat();
    if (wording.unconfirmedIsRisky() && target.confidence() != Confidence.CONFIRMED) {
      return result.warning(message, String.format(wording.unconfirmedRemedy(), targetName)).build();
    }
    return result.info(message).build();
  }
}
