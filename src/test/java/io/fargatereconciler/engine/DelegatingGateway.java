package io.fargatereconciler.engine;

import io.fargatereconciler.aws.DescribedTasks;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.TaskArnPage;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import java.util.List;

/** The real gateway; a test overrides the calls it wants to watch or break. */
class DelegatingGateway implements EcsGateway {
    private final EcsGateway real;

    DelegatingGateway(EcsGateway real) {
        this.real = real;
    }

    @Override
    public LaunchResult runTask(Launch launch) {
        return real.runTask(launch);
    }

    @Override
    public StopResult stopTask(Stop stop) {
        return real.stopTask(stop);
    }

    @Override
    public EcsResult<TaskArnPage> listTasks(String cluster, String nextToken) {
        return real.listTasks(cluster, nextToken);
    }

    @Override
    public EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns) {
        return real.describeTasks(cluster, taskArns);
    }
}
