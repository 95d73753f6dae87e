/** The environment variable that names the forecaster of `predict` and `forecast` when `--as` is not given. @internal */
export const FORECASTER_ENV = 'FORECAST_LEDGER_FORECASTER';

/** The project config file, read from the working directory: `{ "forecaster": "me" }`. @internal */
export const CONFIG_FILE = 'forecast-ledger.config.json';
