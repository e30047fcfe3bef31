package io.fargatereconciler.sim.iam;

import io.fargatereconciler.sim.http.QueryError;
import io.fargatereconciler.sim.http.QueryRequest;
import io.fargatereconciler.sim.http.XmlWriter;
import io.fargatereconciler.sim.world.Simulation;
import java.time.Instant;

/**
 * IAM (query protocol, API version 2010-05-08), read-only: GetRole for the roles the config declares, so
 * {@code validate --against-aws} can check the roles a Team may pass. A role that does not exist is NoSuchEntity
 * (404), as IAM answers.
 */
public final class IamApi {
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String ASSUME_ECS_TASKS = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B"
            + "%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ecs-tasks.amazonaws.com%22%7D%2C"
            + "%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

    private final Simulation sim;

    public IamApi(Simulation sim) {
        this.sim = sim;
    }

    public boolean handles(String action) {
        return action.equals("GetRole");
    }

    public String handle(String action, QueryRequest request, String requestId) {
        sim.calls().call("iam:" + action);
        if (!handles(action)) {
            throw QueryError.badRequest("InvalidAction", "Could not find operation " + action + " for version"
                    + " 2010-05-08");
        }
        String name = request.get("RoleName");
        if (name == null || name.isEmpty()) {
            throw QueryError.badRequest("ValidationError", "1 validation error detected: Value null at 'roleName'"
                    + " failed to satisfy constraint: Member must not be null");
        }
        if (!sim.config().roles().contains(name)) {
            throw new QueryError("NoSuchEntity", "The role with name " + name + " cannot be found.", 404);
        }
        return new XmlWriter().open("GetRoleResponse", NAMESPACE).open("GetRoleResult").open("Role")
                .leaf("Path", "/").leaf("RoleName", name).leaf("RoleId", "AROA" + Integer.toHexString(name.hashCode())
                        .toUpperCase())
                .leaf("Arn", "arn:aws:iam::" + sim.config().accountId() + ":role/" + name)
                .leaf("CreateDate", Instant.ofEpochMilli(0).toString())
                .leaf("AssumeRolePolicyDocument", ASSUME_ECS_TASKS).leaf("MaxSessionDuration", 3600)
                .close("Role").close("GetRoleResult").open("ResponseMetadata").leaf("RequestId", requestId)
                .close("ResponseMetadata").close("GetRoleResponse").toString();
    }
}
