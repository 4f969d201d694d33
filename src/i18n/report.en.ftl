# Messages of printing (src/report/): templates, dossiers, PDF.
