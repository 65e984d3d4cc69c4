CommandLineRunner.main()
