// Validates the OpenAPI description against the OpenAPI 3 schema and resolves every $ref.
// Usage: node validate.mjs <path to openapi.json>
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
    console.error("usage: node validate.mjs <openapi.json>");
    process.exit(2);
}
try {
    const api = await SwaggerParser.validate(file);
    const paths = Object.keys(api.paths ?? {}).length;
    console.log(`${file}: valid OpenAPI ${api.openapi}, ${paths} paths`);
} catch (error) {
    console.error(`${file}: INVALID: ${error.message}`);
    process.exit(1);
}
