package io.fargatereconciler.aws;

import java.net.URI;

/**
 * Where the ECS client connects when not the SDK's standard settings decide but something in the process: the
 * embedded simulator in dev mode. A CDI bean of this type, when one is active, replaces endpoint, region and
 * credentials; in production there is none.
 */
public interface EcsEndpointOverride {
    URI endpoint();

    String region();
}
