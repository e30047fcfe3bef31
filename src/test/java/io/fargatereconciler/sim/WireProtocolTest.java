package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What clients other than the Java SDK may send: odd JSON, bad JSON, unknown operations, bare query calls. */
class WireProtocolTest {
    private final SimulatorFixture world = new SimulatorFixture();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void acceptsJsonFormattedAnyWay() throws Exception {
        HttpResponse<String> response = ecs("ListClusters", "\n  {  \"maxResults\" :\t1 }  ");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.body()).contains("\"clusterArns\"").contains("\"nextToken\"");
        assertThat(ecs("DescribeClusters", "{\"clusters\":[\"pay\\u006dents\"]}").body())
                .contains("\"clusterName\":\"payments\"");
        assertThat(ecs("ListClusters", "").statusCode()).isEqualTo(200);
    }

    @Test
    void answersMalformedJsonAndUnknownOperationsAsEcsDoes() throws Exception {
        HttpResponse<String> malformed = ecs("ListTasks", "{\"cluster\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"__type\":\"SerializationException\"");
        HttpResponse<String> wrongType = ecs("RunTask", "{\"taskDefinition\": \"api\", \"count\": \"ten\"}");
        assertThat(wrongType.body()).contains("SerializationException");
        HttpResponse<String> unknown = ecs("DeleteEverything", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(ecs("DescribeTasks", "{\"cluster\": \"payments\", \"tasks\": [\"arn:aws:ecs:x\"]}").body())
                .contains("MISSING");
    }

    @Test
    void routesQueryCallsByActionWhenTheSignatureNamesNoService() throws Exception {
        HttpResponse<String> subnets = form("Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-a");
        assertThat(subnets.statusCode()).isEqualTo(200);
        assertThat(subnets.body()).contains("<DescribeSubnetsResponse xmlns=\"http://ec2.amazonaws.com/doc/"
                + "2016-11-15/\">").contains("<availableIpAddressCount>200</availableIpAddressCount>");
        HttpResponse<String> nothing = form("Version=2010-03-31");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("<Code>InvalidAction</Code>");
    }

    private HttpResponse<String> ecs(String operation, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(world.simulator.endpoint())
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(world.simulator.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
