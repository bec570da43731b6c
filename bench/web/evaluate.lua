-- wrk script: POST one encounter to /api/v1/evaluate (a dependent adult with 4 g of heroin in Norway, 1 June 2023).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jurisdiction":"NO","date":"2023-06-01","items":[{"substance":"heroin","amount":"4g"}],"dependence":"dependent"}'
