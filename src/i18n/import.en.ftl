# Messages of importing spreadsheets (src/workspace/import/).
