package io.fargatereconciler.sim.http;

import com.sun.net.httpserver.HttpExchange;
import io.fargatereconciler.sim.ec2.Ec2Api;
import io.fargatereconciler.sim.iam.IamApi;
import io.fargatereconciler.sim.sns.SnsApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query-protocol side of the port: form-encoded {@code Action=...} requests for EC2, SNS and IAM. The service is
 * the one named in the SigV4 credential scope ({@code Credential=KEY/DATE/REGION/SERVICE/aws4_request}), else the one
 * that knows the action. Errors are in each service's own XML shape.
 */
final class QueryEndpoint {
    private static final Pattern SCOPE_SERVICE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request");

    private final Ec2Api ec2;
    private final SnsApi sns;
    private final IamApi iam;

    QueryEndpoint(Ec2Api ec2, SnsApi sns, IamApi iam) {
        this.ec2 = ec2;
        this.sns = sns;
        this.iam = iam;
    }

    void handle(HttpExchange exchange, byte[] body) throws IOException {
        String form = new String(body, StandardCharsets.UTF_8);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        QueryRequest request = QueryRequest.parse(rawQuery == null ? form : rawQuery + "&" + form);
        String action = request.get("Action") == null ? "" : request.get("Action");
        String service = service(exchange.getRequestHeaders().getFirst("Authorization"), action);
        String requestId = Exchanges.requestId();
        try {
            String xml = switch (service) {
                case "ec2" -> ec2.handle(action, request, requestId);
                case "sns" -> sns.handle(action, request, requestId);
                case "iam" -> iam.handle(action, request, requestId);
                default -> throw QueryError.badRequest("InvalidAction", action.isEmpty()
                        ? "Missing Action (and no X-Amz-Target header): not an ECS, EC2, SNS or IAM request"
                        : "The action " + action + " is not valid for this web service.");
            };
            Exchanges.send(exchange, 200, "text/xml", xml, requestId);
        } catch (QueryError error) {
            String xml = switch (service) {
                case "sns" -> errorResponse(SnsApi.NAMESPACE, error, requestId);
                case "iam" -> errorResponse(IamApi.NAMESPACE, error, requestId);
                default -> ec2Error(error, requestId);
            };
            Exchanges.send(exchange, error.status(), "text/xml", xml, requestId);
        }
    }

    private String service(String authorization, String action) {
        if (authorization != null) {
            Matcher m = SCOPE_SERVICE.matcher(authorization);
            if (m.find() && (m.group(1).equals("ec2") || m.group(1).equals("sns") || m.group(1).equals("iam"))) {
                return m.group(1);
            }
        }
        return ec2.handles(action) ? "ec2" : sns.handles(action) ? "sns" : iam.handles(action) ? "iam" : "unknown";
    }

    private static String ec2Error(QueryError error, String requestId) {
        return new XmlWriter().open("Response").open("Errors").open("Error").leaf("Code", error.code())
                .leaf("Message", error.getMessage()).close("Error").close("Errors").leaf("RequestID", requestId)
                .close("Response").toString();
    }

    /** SNS's and IAM's error shape: ErrorResponse/Error with Type, Code and Message, in the service's namespace. */
    private static String errorResponse(String namespace, QueryError error, String requestId) {
        return new XmlWriter().open("ErrorResponse", namespace).open("Error")
                .leaf("Type", error.senderFault() ? "Sender" : "Receiver").leaf("Code", error.code())
                .leaf("Message", error.getMessage()).close("Error").leaf("RequestId", requestId)
                .close("ErrorResponse").toString();
    }
}
